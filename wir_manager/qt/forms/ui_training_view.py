# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'training_view.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QListView, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_TrainingView(object):
    def setupUi(self, TrainingView):
        if not TrainingView.objectName():
            TrainingView.setObjectName(u"TrainingView")
        TrainingView.resize(1280, 800)
        self.viewLayout = QVBoxLayout(TrainingView)
        self.viewLayout.setObjectName(u"viewLayout")
        self.viewLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(TrainingView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.modulesPane = QWidget(self.splitter)
        self.modulesPane.setObjectName(u"modulesPane")
        self.modulesLayout = QVBoxLayout(self.modulesPane)
        self.modulesLayout.setObjectName(u"modulesLayout")
        self.modulesLayout.setContentsMargins(6, 6, 0, 6)
        self.modulesHeading = QLabel(self.modulesPane)
        self.modulesHeading.setObjectName(u"modulesHeading")

        self.modulesLayout.addWidget(self.modulesHeading)

        self.moduleList = QListView(self.modulesPane)
        self.moduleList.setObjectName(u"moduleList")
        self.moduleList.setAlternatingRowColors(True)
        self.moduleList.setWordWrap(True)

        self.modulesLayout.addWidget(self.moduleList)

        self.moduleButtons = QHBoxLayout()
        self.moduleButtons.setObjectName(u"moduleButtons")
        self.addModuleButton = QPushButton(self.modulesPane)
        self.addModuleButton.setObjectName(u"addModuleButton")

        self.moduleButtons.addWidget(self.addModuleButton)

        self.moveUpButton = QPushButton(self.modulesPane)
        self.moveUpButton.setObjectName(u"moveUpButton")

        self.moduleButtons.addWidget(self.moveUpButton)

        self.moveDownButton = QPushButton(self.modulesPane)
        self.moveDownButton.setObjectName(u"moveDownButton")

        self.moduleButtons.addWidget(self.moveDownButton)


        self.modulesLayout.addLayout(self.moduleButtons)

        self.installDefaultsButton = QPushButton(self.modulesPane)
        self.installDefaultsButton.setObjectName(u"installDefaultsButton")

        self.modulesLayout.addWidget(self.installDefaultsButton)

        self.moduleEditorHost = QWidget(self.modulesPane)
        self.moduleEditorHost.setObjectName(u"moduleEditorHost")
        self.moduleEditorLayout = QVBoxLayout(self.moduleEditorHost)
        self.moduleEditorLayout.setObjectName(u"moduleEditorLayout")
        self.moduleEditorLayout.setContentsMargins(0, 0, 0, 0)

        self.modulesLayout.addWidget(self.moduleEditorHost)

        self.splitter.addWidget(self.modulesPane)
        self.gridPane = QWidget(self.splitter)
        self.gridPane.setObjectName(u"gridPane")
        self.gridLayout = QVBoxLayout(self.gridPane)
        self.gridLayout.setObjectName(u"gridLayout")
        self.gridLayout.setContentsMargins(0, 6, 6, 6)
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(self.gridPane)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.cohortLabel = QLabel(self.gridPane)
        self.cohortLabel.setObjectName(u"cohortLabel")

        self.filterLayout.addWidget(self.cohortLabel)

        self.cohortCombo = QComboBox(self.gridPane)
        self.cohortCombo.setObjectName(u"cohortCombo")

        self.filterLayout.addWidget(self.cohortCombo)

        self.promoteButton = QPushButton(self.gridPane)
        self.promoteButton.setObjectName(u"promoteButton")

        self.filterLayout.addWidget(self.promoteButton)

        self.incompleteOnlyCheck = QCheckBox(self.gridPane)
        self.incompleteOnlyCheck.setObjectName(u"incompleteOnlyCheck")

        self.filterLayout.addWidget(self.incompleteOnlyCheck)


        self.gridLayout.addLayout(self.filterLayout)

        self.grid = QTableView(self.gridPane)
        self.grid.setObjectName(u"grid")
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setSortingEnabled(True)
        self.grid.setWordWrap(False)
        self.grid.setShowGrid(False)

        self.gridLayout.addWidget(self.grid)

        self.markLayout = QHBoxLayout()
        self.markLayout.setObjectName(u"markLayout")
        self.selectionLabel = QLabel(self.gridPane)
        self.selectionLabel.setObjectName(u"selectionLabel")

        self.markLayout.addWidget(self.selectionLabel)

        self.markSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.markLayout.addItem(self.markSpacer)

        self.dateLabel = QLabel(self.gridPane)
        self.dateLabel.setObjectName(u"dateLabel")

        self.markLayout.addWidget(self.dateLabel)

        self.dateEdit = QDateEdit(self.gridPane)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.markLayout.addWidget(self.dateEdit)

        self.scoreLabel = QLabel(self.gridPane)
        self.scoreLabel.setObjectName(u"scoreLabel")

        self.markLayout.addWidget(self.scoreLabel)

        self.scoreSpin = QSpinBox(self.gridPane)
        self.scoreSpin.setObjectName(u"scoreSpin")
        self.scoreSpin.setMinimum(-1)
        self.scoreSpin.setMaximum(100)
        self.scoreSpin.setValue(-1)

        self.markLayout.addWidget(self.scoreSpin)

        self.inProgressButton = QPushButton(self.gridPane)
        self.inProgressButton.setObjectName(u"inProgressButton")

        self.markLayout.addWidget(self.inProgressButton)

        self.resetButton = QPushButton(self.gridPane)
        self.resetButton.setObjectName(u"resetButton")

        self.markLayout.addWidget(self.resetButton)

        self.markButton = QPushButton(self.gridPane)
        self.markButton.setObjectName(u"markButton")

        self.markLayout.addWidget(self.markButton)


        self.gridLayout.addLayout(self.markLayout)

        self.statusLayout = QHBoxLayout()
        self.statusLayout.setObjectName(u"statusLayout")
        self.statusLabel = QLabel(self.gridPane)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.statusLayout.addWidget(self.statusLabel)

        self.legendLabel = QLabel(self.gridPane)
        self.legendLabel.setObjectName(u"legendLabel")

        self.statusLayout.addWidget(self.legendLabel)


        self.gridLayout.addLayout(self.statusLayout)

        self.splitter.addWidget(self.gridPane)

        self.viewLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.cohortLabel.setBuddy(self.cohortCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.scoreLabel.setBuddy(self.scoreSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TrainingView)

        QMetaObject.connectSlotsByName(TrainingView)
    # setupUi

    def retranslateUi(self, TrainingView):
        self.modulesHeading.setText(QCoreApplication.translate("TrainingView", u"Programme modules", None))
        self.addModuleButton.setText(QCoreApplication.translate("TrainingView", u"Add module", None))
        self.moveUpButton.setText(QCoreApplication.translate("TrainingView", u"Move up", None))
        self.moveDownButton.setText(QCoreApplication.translate("TrainingView", u"Move down", None))
        self.installDefaultsButton.setText(QCoreApplication.translate("TrainingView", u"Start with the default curriculum", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("TrainingView", u"Search name or username\u2026", None))
        self.cohortLabel.setText(QCoreApplication.translate("TrainingView", u"&Cohort", None))
        self.promoteButton.setText(QCoreApplication.translate("TrainingView", u"Move finished to Ready", None))
        self.incompleteOnlyCheck.setText(QCoreApplication.translate("TrainingView", u"Training not complete", None))
        self.dateLabel.setText(QCoreApplication.translate("TrainingView", u"&Date", None))
        self.scoreLabel.setText(QCoreApplication.translate("TrainingView", u"Sc&ore", None))
        self.inProgressButton.setText(QCoreApplication.translate("TrainingView", u"Mark in progress", None))
        self.resetButton.setText(QCoreApplication.translate("TrainingView", u"Reset", None))
        self.markButton.setText(QCoreApplication.translate("TrainingView", u"Mark completed", None))
        pass
    # retranslateUi
