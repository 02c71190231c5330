# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'requests_view.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_RequestsView(object):
    def setupUi(self, RequestsView):
        if not RequestsView.objectName():
            RequestsView.setObjectName(u"RequestsView")
        RequestsView.resize(1200, 760)
        self.viewLayout = QVBoxLayout(RequestsView)
        self.viewLayout.setObjectName(u"viewLayout")
        self.viewLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(RequestsView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPane = QWidget(self.splitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(6, 6, 0, 6)
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(self.listPane)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.statusFilter = QComboBox(self.listPane)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filterLayout.addWidget(self.statusFilter)


        self.listLayout.addLayout(self.filterLayout)

        self.table = QTableView(self.listPane)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)

        self.listLayout.addWidget(self.table)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.countLabel = QLabel(self.listPane)
        self.countLabel.setObjectName(u"countLabel")

        self.listButtons.addWidget(self.countLabel)

        self.listButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listButtons.addItem(self.listButtonsSpacer)

        self.deleteButton = QPushButton(self.listPane)
        self.deleteButton.setObjectName(u"deleteButton")

        self.listButtons.addWidget(self.deleteButton)

        self.newButton = QPushButton(self.listPane)
        self.newButton.setObjectName(u"newButton")

        self.listButtons.addWidget(self.newButton)


        self.listLayout.addLayout(self.listButtons)

        self.splitter.addWidget(self.listPane)
        self.editorHost = QWidget(self.splitter)
        self.editorHost.setObjectName(u"editorHost")
        self.editorLayout = QVBoxLayout(self.editorHost)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.editorHost)

        self.viewLayout.addWidget(self.splitter)


        self.retranslateUi(RequestsView)

        QMetaObject.connectSlotsByName(RequestsView)
    # setupUi

    def retranslateUi(self, RequestsView):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("RequestsView", u"Search title, organisation, place, language\u2026", None))
#if QT_CONFIG(tooltip)
        self.statusFilter.setToolTip(QCoreApplication.translate("RequestsView", u"Show requests with this status", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("RequestsView", u"Delete", None))
        self.newButton.setText(QCoreApplication.translate("RequestsView", u"New request", None))
        pass
    # retranslateUi
