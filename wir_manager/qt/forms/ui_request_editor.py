# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'request_editor.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QTableView, QVBoxLayout, QWidget

from wir_manager.qt.widgets.date_field import DateField

class Ui_RequestEditor(object):
    def setupUi(self, RequestEditor):
        if not RequestEditor.objectName():
            RequestEditor.setObjectName(u"RequestEditor")
        RequestEditor.resize(640, 900)
        self.outerLayout = QVBoxLayout(RequestEditor)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(RequestEditor)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.headingLabel = QLabel(self.scrollContents)
        self.headingLabel.setObjectName(u"headingLabel")

        self.headerLayout.addWidget(self.headingLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.updatedLabel = QLabel(self.scrollContents)
        self.updatedLabel.setObjectName(u"updatedLabel")

        self.headerLayout.addWidget(self.updatedLabel)


        self.contentsLayout.addLayout(self.headerLayout)

        self.requestGroup = QGroupBox(self.scrollContents)
        self.requestGroup.setObjectName(u"requestGroup")
        self.requestForm = QFormLayout(self.requestGroup)
        self.requestForm.setObjectName(u"requestForm")
        self.titleLabel = QLabel(self.requestGroup)
        self.titleLabel.setObjectName(u"titleLabel")

        self.requestForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.requestGroup)
        self.titleEdit.setObjectName(u"titleEdit")

        self.requestForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.titleError = QLabel(self.requestGroup)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)

        self.requestForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleError)

        self.organisationLabel = QLabel(self.requestGroup)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.requestForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organisationLabel)

        self.organisationCombo = QComboBox(self.requestGroup)
        self.organisationCombo.setObjectName(u"organisationCombo")

        self.requestForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organisationCombo)

        self.newOrganisationBox = QGroupBox(self.requestGroup)
        self.newOrganisationBox.setObjectName(u"newOrganisationBox")
        self.newOrganisationForm = QFormLayout(self.newOrganisationBox)
        self.newOrganisationForm.setObjectName(u"newOrganisationForm")
        self.orgNameLabel = QLabel(self.newOrganisationBox)
        self.orgNameLabel.setObjectName(u"orgNameLabel")

        self.newOrganisationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.orgNameLabel)

        self.orgNameEdit = QLineEdit(self.newOrganisationBox)
        self.orgNameEdit.setObjectName(u"orgNameEdit")

        self.newOrganisationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.orgNameEdit)

        self.orgAcronymLabel = QLabel(self.newOrganisationBox)
        self.orgAcronymLabel.setObjectName(u"orgAcronymLabel")

        self.newOrganisationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.orgAcronymLabel)

        self.orgAcronymEdit = QLineEdit(self.newOrganisationBox)
        self.orgAcronymEdit.setObjectName(u"orgAcronymEdit")
        self.orgAcronymEdit.setMaxLength(40)

        self.newOrganisationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.orgAcronymEdit)

        self.orgKindLabel = QLabel(self.newOrganisationBox)
        self.orgKindLabel.setObjectName(u"orgKindLabel")

        self.newOrganisationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.orgKindLabel)

        self.orgKindCombo = QComboBox(self.newOrganisationBox)
        self.orgKindCombo.setObjectName(u"orgKindCombo")

        self.newOrganisationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.orgKindCombo)

        self.orgCountryLabel = QLabel(self.newOrganisationBox)
        self.orgCountryLabel.setObjectName(u"orgCountryLabel")

        self.newOrganisationForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.orgCountryLabel)

        self.orgCountryCombo = QComboBox(self.newOrganisationBox)
        self.orgCountryCombo.setObjectName(u"orgCountryCombo")

        self.newOrganisationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.orgCountryCombo)


        self.requestForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.newOrganisationBox)

        self.organisationError = QLabel(self.requestGroup)
        self.organisationError.setObjectName(u"organisationError")
        self.organisationError.setWordWrap(True)

        self.requestForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.organisationError)

        self.statusLabel = QLabel(self.requestGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.requestForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.requestGroup)
        self.statusCombo.setObjectName(u"statusCombo")

        self.requestForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.descriptionLabel = QLabel(self.requestGroup)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.requestForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(self.requestGroup)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setMaximumSize(QSize(16777215, 90))

        self.requestForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.descriptionError = QLabel(self.requestGroup)
        self.descriptionError.setObjectName(u"descriptionError")
        self.descriptionError.setWordWrap(True)

        self.requestForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.descriptionError)


        self.contentsLayout.addWidget(self.requestGroup)

        self.placementGroup = QGroupBox(self.scrollContents)
        self.placementGroup.setObjectName(u"placementGroup")
        self.placementGrid = QGridLayout(self.placementGroup)
        self.placementGrid.setObjectName(u"placementGrid")
        self.workModeLabel = QLabel(self.placementGroup)
        self.workModeLabel.setObjectName(u"workModeLabel")

        self.placementGrid.addWidget(self.workModeLabel, 0, 0, 1, 1)

        self.workModeCombo = QComboBox(self.placementGroup)
        self.workModeCombo.setObjectName(u"workModeCombo")

        self.placementGrid.addWidget(self.workModeCombo, 0, 1, 1, 1)

        self.dutyCityLabel = QLabel(self.placementGroup)
        self.dutyCityLabel.setObjectName(u"dutyCityLabel")

        self.placementGrid.addWidget(self.dutyCityLabel, 1, 0, 1, 1)

        self.dutyCityEdit = QLineEdit(self.placementGroup)
        self.dutyCityEdit.setObjectName(u"dutyCityEdit")

        self.placementGrid.addWidget(self.dutyCityEdit, 1, 1, 1, 1)

        self.dutyCountryLabel = QLabel(self.placementGroup)
        self.dutyCountryLabel.setObjectName(u"dutyCountryLabel")

        self.placementGrid.addWidget(self.dutyCountryLabel, 1, 2, 1, 1)

        self.dutyCountryCombo = QComboBox(self.placementGroup)
        self.dutyCountryCombo.setObjectName(u"dutyCountryCombo")

        self.placementGrid.addWidget(self.dutyCountryCombo, 1, 3, 1, 1)

        self.dutyError = QLabel(self.placementGroup)
        self.dutyError.setObjectName(u"dutyError")
        self.dutyError.setWordWrap(True)

        self.placementGrid.addWidget(self.dutyError, 2, 1, 1, 3)

        self.startDateLabel = QLabel(self.placementGroup)
        self.startDateLabel.setObjectName(u"startDateLabel")

        self.placementGrid.addWidget(self.startDateLabel, 3, 0, 1, 1)

        self.startDateEdit = DateField(self.placementGroup)
        self.startDateEdit.setObjectName(u"startDateEdit")

        self.placementGrid.addWidget(self.startDateEdit, 3, 1, 1, 1)

        self.durationLabel = QLabel(self.placementGroup)
        self.durationLabel.setObjectName(u"durationLabel")

        self.placementGrid.addWidget(self.durationLabel, 3, 2, 1, 1)

        self.durationSpin = QSpinBox(self.placementGroup)
        self.durationSpin.setObjectName(u"durationSpin")
        self.durationSpin.setMinimum(0)
        self.durationSpin.setMaximum(60)
        self.durationSpin.setValue(6)

        self.placementGrid.addWidget(self.durationSpin, 3, 3, 1, 1)

        self.deadlineLabel = QLabel(self.placementGroup)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.placementGrid.addWidget(self.deadlineLabel, 4, 0, 1, 1)

        self.deadlineEdit = DateField(self.placementGroup)
        self.deadlineEdit.setObjectName(u"deadlineEdit")

        self.placementGrid.addWidget(self.deadlineEdit, 4, 1, 1, 1)

        self.positionsLabel = QLabel(self.placementGroup)
        self.positionsLabel.setObjectName(u"positionsLabel")

        self.placementGrid.addWidget(self.positionsLabel, 4, 2, 1, 1)

        self.positionsSpin = QSpinBox(self.placementGroup)
        self.positionsSpin.setObjectName(u"positionsSpin")
        self.positionsSpin.setMinimum(0)
        self.positionsSpin.setMaximum(50)
        self.positionsSpin.setValue(1)

        self.placementGrid.addWidget(self.positionsSpin, 4, 3, 1, 1)

        self.datesError = QLabel(self.placementGroup)
        self.datesError.setObjectName(u"datesError")
        self.datesError.setWordWrap(True)

        self.placementGrid.addWidget(self.datesError, 5, 1, 1, 3)

        self.allowInTrainingCheck = QCheckBox(self.placementGroup)
        self.allowInTrainingCheck.setObjectName(u"allowInTrainingCheck")

        self.placementGrid.addWidget(self.allowInTrainingCheck, 6, 1, 1, 3)


        self.contentsLayout.addWidget(self.placementGroup)

        self.languagesGroup = QGroupBox(self.scrollContents)
        self.languagesGroup.setObjectName(u"languagesGroup")
        self.languagesLayout = QVBoxLayout(self.languagesGroup)
        self.languagesLayout.setObjectName(u"languagesLayout")
        self.languagesHint = QLabel(self.languagesGroup)
        self.languagesHint.setObjectName(u"languagesHint")
        self.languagesHint.setWordWrap(True)

        self.languagesLayout.addWidget(self.languagesHint)

        self.languagesTable = QTableView(self.languagesGroup)
        self.languagesTable.setObjectName(u"languagesTable")
        self.languagesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.languagesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.languagesLayout.addWidget(self.languagesTable)

        self.languageButtons = QHBoxLayout()
        self.languageButtons.setObjectName(u"languageButtons")
        self.addLanguageButton = QPushButton(self.languagesGroup)
        self.addLanguageButton.setObjectName(u"addLanguageButton")

        self.languageButtons.addWidget(self.addLanguageButton)

        self.groupLanguageButton = QPushButton(self.languagesGroup)
        self.groupLanguageButton.setObjectName(u"groupLanguageButton")

        self.languageButtons.addWidget(self.groupLanguageButton)

        self.removeLanguageButton = QPushButton(self.languagesGroup)
        self.removeLanguageButton.setObjectName(u"removeLanguageButton")

        self.languageButtons.addWidget(self.removeLanguageButton)

        self.languageButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.languageButtons.addItem(self.languageButtonsSpacer)


        self.languagesLayout.addLayout(self.languageButtons)

        self.languagesError = QLabel(self.languagesGroup)
        self.languagesError.setObjectName(u"languagesError")
        self.languagesError.setWordWrap(True)

        self.languagesLayout.addWidget(self.languagesError)


        self.contentsLayout.addWidget(self.languagesGroup)

        self.skillsGroup = QGroupBox(self.scrollContents)
        self.skillsGroup.setObjectName(u"skillsGroup")
        self.skillsLayout = QVBoxLayout(self.skillsGroup)
        self.skillsLayout.setObjectName(u"skillsLayout")
        self.skillsTable = QTableView(self.skillsGroup)
        self.skillsTable.setObjectName(u"skillsTable")
        self.skillsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.skillsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.skillsLayout.addWidget(self.skillsTable)

        self.skillButtons = QHBoxLayout()
        self.skillButtons.setObjectName(u"skillButtons")
        self.addSkillButton = QPushButton(self.skillsGroup)
        self.addSkillButton.setObjectName(u"addSkillButton")

        self.skillButtons.addWidget(self.addSkillButton)

        self.removeSkillButton = QPushButton(self.skillsGroup)
        self.removeSkillButton.setObjectName(u"removeSkillButton")

        self.skillButtons.addWidget(self.removeSkillButton)

        self.skillButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.skillButtons.addItem(self.skillButtonsSpacer)


        self.skillsLayout.addLayout(self.skillButtons)

        self.skillsError = QLabel(self.skillsGroup)
        self.skillsError.setObjectName(u"skillsError")
        self.skillsError.setWordWrap(True)

        self.skillsLayout.addWidget(self.skillsError)


        self.contentsLayout.addWidget(self.skillsGroup)

        self.topicsRegionsLayout = QHBoxLayout()
        self.topicsRegionsLayout.setObjectName(u"topicsRegionsLayout")
        self.topicsGroup = QGroupBox(self.scrollContents)
        self.topicsGroup.setObjectName(u"topicsGroup")
        self.topicsLayout = QVBoxLayout(self.topicsGroup)
        self.topicsLayout.setObjectName(u"topicsLayout")
        self.topicsList = QListWidget(self.topicsGroup)
        self.topicsList.setObjectName(u"topicsList")

        self.topicsLayout.addWidget(self.topicsList)


        self.topicsRegionsLayout.addWidget(self.topicsGroup)

        self.regionsGroup = QGroupBox(self.scrollContents)
        self.regionsGroup.setObjectName(u"regionsGroup")
        self.regionsLayout = QVBoxLayout(self.regionsGroup)
        self.regionsLayout.setObjectName(u"regionsLayout")
        self.regionsList = QListWidget(self.regionsGroup)
        self.regionsList.setObjectName(u"regionsList")

        self.regionsLayout.addWidget(self.regionsList)

        self.regionsError = QLabel(self.regionsGroup)
        self.regionsError.setObjectName(u"regionsError")
        self.regionsError.setWordWrap(True)

        self.regionsLayout.addWidget(self.regionsError)


        self.topicsRegionsLayout.addWidget(self.regionsGroup)


        self.contentsLayout.addLayout(self.topicsRegionsLayout)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

        self.buttonBar = QFrame(RequestEditor)
        self.buttonBar.setObjectName(u"buttonBar")
        self.buttonBar.setFrameShape(QFrame.Shape.NoFrame)
        self.buttonBarLayout = QHBoxLayout(self.buttonBar)
        self.buttonBarLayout.setObjectName(u"buttonBarLayout")
        self.summaryLabel = QLabel(self.buttonBar)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.buttonBarLayout.addWidget(self.summaryLabel)

        self.buttonBarSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonBarLayout.addItem(self.buttonBarSpacer)

        self.revertButton = QPushButton(self.buttonBar)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonBarLayout.addWidget(self.revertButton)

        self.saveButton = QPushButton(self.buttonBar)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonBarLayout.addWidget(self.saveButton)


        self.outerLayout.addWidget(self.buttonBar)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.organisationLabel.setBuddy(self.organisationCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.workModeLabel.setBuddy(self.workModeCombo)
        self.dutyCityLabel.setBuddy(self.dutyCityEdit)
        self.dutyCountryLabel.setBuddy(self.dutyCountryCombo)
        self.startDateLabel.setBuddy(self.startDateEdit)
        self.durationLabel.setBuddy(self.durationSpin)
        self.deadlineLabel.setBuddy(self.deadlineEdit)
        self.positionsLabel.setBuddy(self.positionsSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.organisationCombo)
        QWidget.setTabOrder(self.organisationCombo, self.orgNameEdit)
        QWidget.setTabOrder(self.orgNameEdit, self.orgAcronymEdit)
        QWidget.setTabOrder(self.orgAcronymEdit, self.orgKindCombo)
        QWidget.setTabOrder(self.orgKindCombo, self.orgCountryCombo)
        QWidget.setTabOrder(self.orgCountryCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.workModeCombo)
        QWidget.setTabOrder(self.workModeCombo, self.allowInTrainingCheck)
        QWidget.setTabOrder(self.allowInTrainingCheck, self.dutyCityEdit)
        QWidget.setTabOrder(self.dutyCityEdit, self.dutyCountryCombo)
        QWidget.setTabOrder(self.dutyCountryCombo, self.startDateEdit)
        QWidget.setTabOrder(self.startDateEdit, self.durationSpin)
        QWidget.setTabOrder(self.durationSpin, self.deadlineEdit)
        QWidget.setTabOrder(self.deadlineEdit, self.positionsSpin)
        QWidget.setTabOrder(self.positionsSpin, self.languagesTable)
        QWidget.setTabOrder(self.languagesTable, self.addLanguageButton)
        QWidget.setTabOrder(self.addLanguageButton, self.groupLanguageButton)
        QWidget.setTabOrder(self.groupLanguageButton, self.removeLanguageButton)
        QWidget.setTabOrder(self.removeLanguageButton, self.skillsTable)
        QWidget.setTabOrder(self.skillsTable, self.addSkillButton)
        QWidget.setTabOrder(self.addSkillButton, self.removeSkillButton)
        QWidget.setTabOrder(self.removeSkillButton, self.topicsList)
        QWidget.setTabOrder(self.topicsList, self.regionsList)
        QWidget.setTabOrder(self.regionsList, self.revertButton)
        QWidget.setTabOrder(self.revertButton, self.saveButton)

        self.retranslateUi(RequestEditor)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(RequestEditor)
    # setupUi

    def retranslateUi(self, RequestEditor):
        self.headingLabel.setText(QCoreApplication.translate("RequestEditor", u"New request", None))
        self.requestGroup.setTitle(QCoreApplication.translate("RequestEditor", u"Request", None))
        self.titleLabel.setText(QCoreApplication.translate("RequestEditor", u"&Title", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("RequestEditor", u"e.g. Wikidata resident for health data", None))
        self.organisationLabel.setText(QCoreApplication.translate("RequestEditor", u"&Organisation", None))
        self.newOrganisationBox.setTitle(QCoreApplication.translate("RequestEditor", u"New organisation", None))
        self.orgNameLabel.setText(QCoreApplication.translate("RequestEditor", u"Name", None))
        self.orgNameEdit.setPlaceholderText(QCoreApplication.translate("RequestEditor", u"Full name, e.g. World Meteorological Organization", None))
        self.orgAcronymLabel.setText(QCoreApplication.translate("RequestEditor", u"Acronym", None))
        self.orgKindLabel.setText(QCoreApplication.translate("RequestEditor", u"Kind", None))
        self.orgCountryLabel.setText(QCoreApplication.translate("RequestEditor", u"Headquarters", None))
        self.statusLabel.setText(QCoreApplication.translate("RequestEditor", u"St&atus", None))
        self.descriptionLabel.setText(QCoreApplication.translate("RequestEditor", u"&Description", None))
        self.placementGroup.setTitle(QCoreApplication.translate("RequestEditor", u"Placement", None))
        self.workModeLabel.setText(QCoreApplication.translate("RequestEditor", u"&Work mode", None))
        self.dutyCityLabel.setText(QCoreApplication.translate("RequestEditor", u"Duty &city", None))
        self.dutyCountryLabel.setText(QCoreApplication.translate("RequestEditor", u"Co&untry", None))
        self.startDateLabel.setText(QCoreApplication.translate("RequestEditor", u"&Start date", None))
        self.durationLabel.setText(QCoreApplication.translate("RequestEditor", u"D&uration", None))
        self.deadlineLabel.setText(QCoreApplication.translate("RequestEditor", u"Application &deadline", None))
        self.positionsLabel.setText(QCoreApplication.translate("RequestEditor", u"&Positions", None))
        self.allowInTrainingCheck.setText(QCoreApplication.translate("RequestEditor", u"Candidates still in training are eligible", None))
        self.languagesGroup.setTitle(QCoreApplication.translate("RequestEditor", u"Languages", None))
        self.languagesHint.setText(QCoreApplication.translate("RequestEditor", u"Languages with the same group number form an \u201cat least one of\u201d group, e.g. French \u2265 B2 or Spanish \u2265 B2.", None))
        self.addLanguageButton.setText(QCoreApplication.translate("RequestEditor", u"Add language", None))
        self.groupLanguageButton.setText(QCoreApplication.translate("RequestEditor", u"Make \u201cone of\u201d group", None))
#if QT_CONFIG(tooltip)
        self.groupLanguageButton.setToolTip(QCoreApplication.translate("RequestEditor", u"Put the selected language in a group with the row above it", None))
#endif // QT_CONFIG(tooltip)
        self.removeLanguageButton.setText(QCoreApplication.translate("RequestEditor", u"Remove", None))
        self.skillsGroup.setTitle(QCoreApplication.translate("RequestEditor", u"Wikimedia platform skills", None))
        self.addSkillButton.setText(QCoreApplication.translate("RequestEditor", u"Add skill", None))
        self.removeSkillButton.setText(QCoreApplication.translate("RequestEditor", u"Remove", None))
        self.topicsGroup.setTitle(QCoreApplication.translate("RequestEditor", u"Topic areas", None))
        self.regionsGroup.setTitle(QCoreApplication.translate("RequestEditor", u"Priority regions", None))
        self.revertButton.setText(QCoreApplication.translate("RequestEditor", u"Revert", None))
        self.saveButton.setText(QCoreApplication.translate("RequestEditor", u"Save", None))
        pass
    # retranslateUi
