# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'candidates_view.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QTableView, QToolButton, QVBoxLayout, QWidget

class Ui_CandidatesView(object):
    def setupUi(self, CandidatesView):
        if not CandidatesView.objectName():
            CandidatesView.setObjectName(u"CandidatesView")
        CandidatesView.resize(1100, 700)
        self.viewLayout = QVBoxLayout(CandidatesView)
        self.viewLayout.setObjectName(u"viewLayout")
        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.searchEdit = QLineEdit(CandidatesView)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.toolbarLayout.addWidget(self.searchEdit)

        self.newButton = QPushButton(CandidatesView)
        self.newButton.setObjectName(u"newButton")

        self.toolbarLayout.addWidget(self.newButton)

        self.stageButton = QToolButton(CandidatesView)
        self.stageButton.setObjectName(u"stageButton")
        self.stageButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.stageButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.toolbarLayout.addWidget(self.stageButton)

        self.deleteButton = QPushButton(CandidatesView)
        self.deleteButton.setObjectName(u"deleteButton")

        self.toolbarLayout.addWidget(self.deleteButton)


        self.viewLayout.addLayout(self.toolbarLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setSpacing(0)
        self.filterLayout.setObjectName(u"filterLayout")

        self.viewLayout.addLayout(self.filterLayout)

        self.splitter = QSplitter(CandidatesView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPane = QWidget(self.splitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(self.listPane)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)

        self.listLayout.addWidget(self.table)

        self.countLabel = QLabel(self.listPane)
        self.countLabel.setObjectName(u"countLabel")

        self.listLayout.addWidget(self.countLabel)

        self.splitter.addWidget(self.listPane)
        self.editorPane = QWidget(self.splitter)
        self.editorPane.setObjectName(u"editorPane")
        self.editorLayout = QVBoxLayout(self.editorPane)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.editorPane)

        self.viewLayout.addWidget(self.splitter)

        self.viewLayout.setStretch(2, 1)

        self.retranslateUi(CandidatesView)

        QMetaObject.connectSlotsByName(CandidatesView)
    # setupUi

    def retranslateUi(self, CandidatesView):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CandidatesView", u"Search name, username, e-mail or affiliate (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("CandidatesView", u"Search candidates", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("CandidatesView", u"&New candidate", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("CandidatesView", u"Add a candidate (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.stageButton.setText(QCoreApplication.translate("CandidatesView", u"Change &stage", None))
#if QT_CONFIG(tooltip)
        self.stageButton.setToolTip(QCoreApplication.translate("CandidatesView", u"Move the selected candidates to another stage", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("CandidatesView", u"&Delete", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("CandidatesView", u"Delete the selected candidates (Del)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("CandidatesView", u"Candidates", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi
