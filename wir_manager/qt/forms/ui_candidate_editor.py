# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'candidate_editor.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QVBoxLayout, QWidget

from wir_manager.qt.widgets.date_field import DateField

class Ui_CandidateEditor(object):
    def setupUi(self, CandidateEditor):
        if not CandidateEditor.objectName():
            CandidateEditor.setObjectName(u"CandidateEditor")
        CandidateEditor.resize(520, 640)
        self.editorLayout = QVBoxLayout(CandidateEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.headingLabel = QLabel(CandidateEditor)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.editorLayout.addWidget(self.headingLabel)

        self.tabs = QTabWidget(CandidateEditor)
        self.tabs.setObjectName(u"tabs")
        self.profileTab = QWidget()
        self.profileTab.setObjectName(u"profileTab")
        self.profileTabLayout = QVBoxLayout(self.profileTab)
        self.profileTabLayout.setObjectName(u"profileTabLayout")
        self.profileScroll = QScrollArea(self.profileTab)
        self.profileScroll.setObjectName(u"profileScroll")
        self.profileScroll.setWidgetResizable(True)
        self.profileScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.profileContents = QWidget()
        self.profileContents.setObjectName(u"profileContents")
        self.profileForm = QFormLayout(self.profileContents)
        self.profileForm.setObjectName(u"profileForm")
        self.fullNameLabel = QLabel(self.profileContents)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.profileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.fullNameEdit = QLineEdit(self.profileContents)
        self.fullNameEdit.setObjectName(u"fullNameEdit")

        self.profileForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fullNameEdit)

        self.latinNameLabel = QLabel(self.profileContents)
        self.latinNameLabel.setObjectName(u"latinNameLabel")

        self.profileForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.latinNameLabel)

        self.latinNameEdit = QLineEdit(self.profileContents)
        self.latinNameEdit.setObjectName(u"latinNameEdit")

        self.profileForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.latinNameEdit)

        self.usernameLabel = QLabel(self.profileContents)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.profileForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(self.profileContents)
        self.usernameEdit.setObjectName(u"usernameEdit")

        self.profileForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.emailLabel = QLabel(self.profileContents)
        self.emailLabel.setObjectName(u"emailLabel")

        self.profileForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(self.profileContents)
        self.emailEdit.setObjectName(u"emailEdit")

        self.profileForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.phoneLabel = QLabel(self.profileContents)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.profileForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.profileContents)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.profileForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.countryLabel = QLabel(self.profileContents)
        self.countryLabel.setObjectName(u"countryLabel")

        self.profileForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.countryCombo = QComboBox(self.profileContents)
        self.countryCombo.setObjectName(u"countryCombo")
        self.countryCombo.setEditable(True)
        self.countryCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.profileForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.countryCombo)

        self.affiliateLabel = QLabel(self.profileContents)
        self.affiliateLabel.setObjectName(u"affiliateLabel")

        self.profileForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.affiliateLabel)

        self.affiliateCombo = QComboBox(self.profileContents)
        self.affiliateCombo.setObjectName(u"affiliateCombo")
        self.affiliateCombo.setEditable(True)
        self.affiliateCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.profileForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.affiliateCombo)

        self.genderLabel = QLabel(self.profileContents)
        self.genderLabel.setObjectName(u"genderLabel")

        self.profileForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.genderLabel)

        self.genderEdit = QLineEdit(self.profileContents)
        self.genderEdit.setObjectName(u"genderEdit")

        self.profileForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.genderEdit)

        self.stageLabel = QLabel(self.profileContents)
        self.stageLabel.setObjectName(u"stageLabel")

        self.profileForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stageCombo = QComboBox(self.profileContents)
        self.stageCombo.setObjectName(u"stageCombo")

        self.profileForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.stageCombo)

        self.activeSinceLabel = QLabel(self.profileContents)
        self.activeSinceLabel.setObjectName(u"activeSinceLabel")

        self.profileForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.activeSinceLabel)

        self.activeSinceEdit = QLineEdit(self.profileContents)
        self.activeSinceEdit.setObjectName(u"activeSinceEdit")

        self.profileForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.activeSinceEdit)

        self.editCountLabel = QLabel(self.profileContents)
        self.editCountLabel.setObjectName(u"editCountLabel")

        self.profileForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.editCountLabel)

        self.editCountEdit = QLineEdit(self.profileContents)
        self.editCountEdit.setObjectName(u"editCountEdit")

        self.profileForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.editCountEdit)

        self.availableFromLabel = QLabel(self.profileContents)
        self.availableFromLabel.setObjectName(u"availableFromLabel")

        self.profileForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.availableFromLabel)

        self.availableFromEdit = DateField(self.profileContents)
        self.availableFromEdit.setObjectName(u"availableFromEdit")

        self.profileForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.availableFromEdit)

        self.availableUntilLabel = QLabel(self.profileContents)
        self.availableUntilLabel.setObjectName(u"availableUntilLabel")

        self.profileForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.availableUntilLabel)

        self.availableUntilEdit = DateField(self.profileContents)
        self.availableUntilEdit.setObjectName(u"availableUntilEdit")

        self.profileForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.availableUntilEdit)

        self.relocationLabel = QLabel(self.profileContents)
        self.relocationLabel.setObjectName(u"relocationLabel")

        self.profileForm.setWidget(13, QFormLayout.ItemRole.LabelRole, self.relocationLabel)

        self.relocationCombo = QComboBox(self.profileContents)
        self.relocationCombo.setObjectName(u"relocationCombo")

        self.profileForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.relocationCombo)

        self.profileScroll.setWidget(self.profileContents)

        self.profileTabLayout.addWidget(self.profileScroll)

        self.tabs.addTab(self.profileTab, "")
        self.languagesTab = QWidget()
        self.languagesTab.setObjectName(u"languagesTab")
        self.languagesLayout = QVBoxLayout(self.languagesTab)
        self.languagesLayout.setObjectName(u"languagesLayout")
        self.languagesTable = QTableView(self.languagesTab)
        self.languagesTable.setObjectName(u"languagesTable")
        self.languagesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.languagesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.languagesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.languagesLayout.addWidget(self.languagesTable)

        self.languageAddLayout = QHBoxLayout()
        self.languageAddLayout.setObjectName(u"languageAddLayout")
        self.languageCombo = QComboBox(self.languagesTab)
        self.languageCombo.setObjectName(u"languageCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.languageCombo.sizePolicy().hasHeightForWidth())
        self.languageCombo.setSizePolicy(sizePolicy)
        self.languageCombo.setEditable(True)
        self.languageCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.languageAddLayout.addWidget(self.languageCombo)

        self.languageLevelCombo = QComboBox(self.languagesTab)
        self.languageLevelCombo.setObjectName(u"languageLevelCombo")

        self.languageAddLayout.addWidget(self.languageLevelCombo)

        self.addLanguageButton = QPushButton(self.languagesTab)
        self.addLanguageButton.setObjectName(u"addLanguageButton")

        self.languageAddLayout.addWidget(self.addLanguageButton)

        self.removeLanguageButton = QPushButton(self.languagesTab)
        self.removeLanguageButton.setObjectName(u"removeLanguageButton")

        self.languageAddLayout.addWidget(self.removeLanguageButton)


        self.languagesLayout.addLayout(self.languageAddLayout)

        self.tabs.addTab(self.languagesTab, "")
        self.skillsTab = QWidget()
        self.skillsTab.setObjectName(u"skillsTab")
        self.skillsTabLayout = QVBoxLayout(self.skillsTab)
        self.skillsTabLayout.setObjectName(u"skillsTabLayout")
        self.skillsScroll = QScrollArea(self.skillsTab)
        self.skillsScroll.setObjectName(u"skillsScroll")
        self.skillsScroll.setWidgetResizable(True)
        self.skillsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.skillsContents = QWidget()
        self.skillsContents.setObjectName(u"skillsContents")
        self.skillsContentsLayout = QVBoxLayout(self.skillsContents)
        self.skillsContentsLayout.setObjectName(u"skillsContentsLayout")
        self.skillsGroup = QGroupBox(self.skillsContents)
        self.skillsGroup.setObjectName(u"skillsGroup")
        self.skillsForm = QFormLayout(self.skillsGroup)
        self.skillsForm.setObjectName(u"skillsForm")

        self.skillsContentsLayout.addWidget(self.skillsGroup)

        self.topicsGroup = QGroupBox(self.skillsContents)
        self.topicsGroup.setObjectName(u"topicsGroup")
        self.topicsGrid = QGridLayout(self.topicsGroup)
        self.topicsGrid.setObjectName(u"topicsGrid")

        self.skillsContentsLayout.addWidget(self.topicsGroup)

        self.skillsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.skillsContentsLayout.addItem(self.skillsSpacer)

        self.skillsScroll.setWidget(self.skillsContents)

        self.skillsTabLayout.addWidget(self.skillsScroll)

        self.tabs.addTab(self.skillsTab, "")
        self.trainingTab = QWidget()
        self.trainingTab.setObjectName(u"trainingTab")
        self.trainingLayout = QVBoxLayout(self.trainingTab)
        self.trainingLayout.setObjectName(u"trainingLayout")
        self.trainingSummary = QLabel(self.trainingTab)
        self.trainingSummary.setObjectName(u"trainingSummary")
        self.trainingSummary.setWordWrap(True)

        self.trainingLayout.addWidget(self.trainingSummary)

        self.trainingTable = QTableView(self.trainingTab)
        self.trainingTable.setObjectName(u"trainingTable")
        self.trainingTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trainingTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.trainingLayout.addWidget(self.trainingTable)

        self.tabs.addTab(self.trainingTab, "")
        self.consentTab = QWidget()
        self.consentTab.setObjectName(u"consentTab")
        self.consentLayout = QVBoxLayout(self.consentTab)
        self.consentLayout.setObjectName(u"consentLayout")
        self.consentIntro = QLabel(self.consentTab)
        self.consentIntro.setObjectName(u"consentIntro")
        self.consentIntro.setWordWrap(True)

        self.consentLayout.addWidget(self.consentIntro)

        self.consentGrid = QGridLayout()
        self.consentGrid.setObjectName(u"consentGrid")
        self.consentStoreCheck = QCheckBox(self.consentTab)
        self.consentStoreCheck.setObjectName(u"consentStoreCheck")

        self.consentGrid.addWidget(self.consentStoreCheck, 0, 0, 1, 1)

        self.consentStoreDate = DateField(self.consentTab)
        self.consentStoreDate.setObjectName(u"consentStoreDate")

        self.consentGrid.addWidget(self.consentStoreDate, 0, 1, 1, 1)

        self.consentProposeCheck = QCheckBox(self.consentTab)
        self.consentProposeCheck.setObjectName(u"consentProposeCheck")

        self.consentGrid.addWidget(self.consentProposeCheck, 1, 0, 1, 1)

        self.consentProposeDate = DateField(self.consentTab)
        self.consentProposeDate.setObjectName(u"consentProposeDate")

        self.consentGrid.addWidget(self.consentProposeDate, 1, 1, 1, 1)

        self.consentShareCheck = QCheckBox(self.consentTab)
        self.consentShareCheck.setObjectName(u"consentShareCheck")

        self.consentGrid.addWidget(self.consentShareCheck, 2, 0, 1, 1)

        self.consentShareDate = DateField(self.consentTab)
        self.consentShareDate.setObjectName(u"consentShareDate")

        self.consentGrid.addWidget(self.consentShareDate, 2, 1, 1, 1)


        self.consentLayout.addLayout(self.consentGrid)

        self.consentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.consentLayout.addItem(self.consentSpacer)

        self.tabs.addTab(self.consentTab, "")
        self.notesTab = QWidget()
        self.notesTab.setObjectName(u"notesTab")
        self.notesLayout = QVBoxLayout(self.notesTab)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesEdit = QPlainTextEdit(self.notesTab)
        self.notesEdit.setObjectName(u"notesEdit")

        self.notesLayout.addWidget(self.notesEdit)

        self.tabs.addTab(self.notesTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyTable = QTableView(self.historyTab)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.historyLayout.addWidget(self.historyTable)

        self.tabs.addTab(self.historyTab, "")

        self.editorLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(CandidateEditor)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.editorLayout.addWidget(self.errorLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.problemButton = QPushButton(CandidateEditor)
        self.problemButton.setObjectName(u"problemButton")
        self.problemButton.setVisible(False)

        self.buttonLayout.addWidget(self.problemButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.revertButton = QPushButton(CandidateEditor)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonLayout.addWidget(self.revertButton)

        self.saveButton = QPushButton(CandidateEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)


        self.editorLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.fullNameLabel.setBuddy(self.fullNameEdit)
        self.latinNameLabel.setBuddy(self.latinNameEdit)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.countryLabel.setBuddy(self.countryCombo)
        self.affiliateLabel.setBuddy(self.affiliateCombo)
        self.genderLabel.setBuddy(self.genderEdit)
        self.stageLabel.setBuddy(self.stageCombo)
        self.activeSinceLabel.setBuddy(self.activeSinceEdit)
        self.editCountLabel.setBuddy(self.editCountEdit)
        self.availableFromLabel.setBuddy(self.availableFromEdit)
        self.availableUntilLabel.setBuddy(self.availableUntilEdit)
        self.relocationLabel.setBuddy(self.relocationCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CandidateEditor)

        QMetaObject.connectSlotsByName(CandidateEditor)
    # setupUi

    def retranslateUi(self, CandidateEditor):
        self.headingLabel.setText(QCoreApplication.translate("CandidateEditor", u"New candidate", None))
        self.fullNameLabel.setText(QCoreApplication.translate("CandidateEditor", u"Full &name:", None))
#if QT_CONFIG(tooltip)
        self.fullNameEdit.setToolTip(QCoreApplication.translate("CandidateEditor", u"As the person writes it, in any script", None))
#endif // QT_CONFIG(tooltip)
        self.latinNameLabel.setText(QCoreApplication.translate("CandidateEditor", u"Name in &Latin script:", None))
#if QT_CONFIG(tooltip)
        self.latinNameEdit.setToolTip(QCoreApplication.translate("CandidateEditor", u"How the name is written in Latin letters, when the person writes it in another script (optional)", None))
#endif // QT_CONFIG(tooltip)
        self.usernameLabel.setText(QCoreApplication.translate("CandidateEditor", u"&Username:", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("CandidateEditor", u"Wikimedia account (global)", None))
        self.emailLabel.setText(QCoreApplication.translate("CandidateEditor", u"&E-mail:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("CandidateEditor", u"name@example.org", None))
        self.phoneLabel.setText(QCoreApplication.translate("CandidateEditor", u"&Phone:", None))
        self.countryLabel.setText(QCoreApplication.translate("CandidateEditor", u"&Country:", None))
        self.affiliateLabel.setText(QCoreApplication.translate("CandidateEditor", u"&Affiliate:", None))
        self.genderLabel.setText(QCoreApplication.translate("CandidateEditor", u"&Gender:", None))
        self.genderEdit.setPlaceholderText(QCoreApplication.translate("CandidateEditor", u"as the person describes it (optional)", None))
        self.stageLabel.setText(QCoreApplication.translate("CandidateEditor", u"S&tage:", None))
        self.activeSinceLabel.setText(QCoreApplication.translate("CandidateEditor", u"Active &since:", None))
        self.activeSinceEdit.setPlaceholderText(QCoreApplication.translate("CandidateEditor", u"year of first edit", None))
        self.editCountLabel.setText(QCoreApplication.translate("CandidateEditor", u"Edit c&ount:", None))
        self.editCountEdit.setPlaceholderText(QCoreApplication.translate("CandidateEditor", u"global edit count", None))
        self.availableFromLabel.setText(QCoreApplication.translate("CandidateEditor", u"Available &from:", None))
        self.availableUntilLabel.setText(QCoreApplication.translate("CandidateEditor", u"Available &until:", None))
        self.relocationLabel.setText(QCoreApplication.translate("CandidateEditor", u"Re&location:", None))
#if QT_CONFIG(tooltip)
        self.relocationCombo.setToolTip(QCoreApplication.translate("CandidateEditor", u"Whether the person would move to another country for an on-site or hybrid placement. \u201cWill not relocate\u201d rules them out of on-site and hybrid requests in other countries.", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.profileTab), QCoreApplication.translate("CandidateEditor", u"Profile", None))
#if QT_CONFIG(accessibility)
        self.languagesTable.setAccessibleName(QCoreApplication.translate("CandidateEditor", u"Languages", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(QCoreApplication.translate("CandidateEditor", u"Language to add", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.languageLevelCombo.setAccessibleName(QCoreApplication.translate("CandidateEditor", u"Level", None))
#endif // QT_CONFIG(accessibility)
        self.addLanguageButton.setText(QCoreApplication.translate("CandidateEditor", u"Add / set level", None))
        self.removeLanguageButton.setText(QCoreApplication.translate("CandidateEditor", u"Remove", None))
        self.tabs.setTabText(self.tabs.indexOf(self.languagesTab), QCoreApplication.translate("CandidateEditor", u"Languages", None))
        self.skillsGroup.setTitle(QCoreApplication.translate("CandidateEditor", u"Wikimedia platform skills", None))
        self.topicsGroup.setTitle(QCoreApplication.translate("CandidateEditor", u"Topic areas", None))
        self.tabs.setTabText(self.tabs.indexOf(self.skillsTab), QCoreApplication.translate("CandidateEditor", u"Skills && topics", None))
#if QT_CONFIG(accessibility)
        self.trainingTable.setAccessibleName(QCoreApplication.translate("CandidateEditor", u"Training progress", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.trainingTab), QCoreApplication.translate("CandidateEditor", u"Training", None))
        self.consentIntro.setText(QCoreApplication.translate("CandidateEditor", u"Without consent to be proposed, the person never appears in a shortlist or a dossier.", None))
        self.consentStoreCheck.setText(QCoreApplication.translate("CandidateEditor", u"Agrees to be kept in the candidate pool", None))
        self.consentProposeCheck.setText(QCoreApplication.translate("CandidateEditor", u"Agrees to be proposed to organisations", None))
        self.consentShareCheck.setText(QCoreApplication.translate("CandidateEditor", u"Agrees that contact details go into dossiers", None))
        self.tabs.setTabText(self.tabs.indexOf(self.consentTab), QCoreApplication.translate("CandidateEditor", u"Consent", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("CandidateEditor", u"Notes for the programme team (kept encrypted; never in dossiers)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.notesTab), QCoreApplication.translate("CandidateEditor", u"Notes", None))
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("CandidateEditor", u"Change history", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("CandidateEditor", u"History", None))
#if QT_CONFIG(tooltip)
        self.problemButton.setToolTip(QCoreApplication.translate("CandidateEditor", u"Show the first field that needs fixing", None))
#endif // QT_CONFIG(tooltip)
        self.revertButton.setText(QCoreApplication.translate("CandidateEditor", u"&Discard changes", None))
        self.saveButton.setText(QCoreApplication.translate("CandidateEditor", u"&Save", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("CandidateEditor", u"Save (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi
