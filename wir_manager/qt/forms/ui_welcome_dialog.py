# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welcome_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget

class Ui_WelcomeDialog(object):
    def setupUi(self, WelcomeDialog):
        if not WelcomeDialog.objectName():
            WelcomeDialog.setObjectName(u"WelcomeDialog")
        WelcomeDialog.resize(560, 460)
        self.dialogLayout = QVBoxLayout(WelcomeDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.iconLabel = QLabel(WelcomeDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setMinimumSize(QSize(64, 64))

        self.headerLayout.addWidget(self.iconLabel)

        self.headingLabel = QLabel(WelcomeDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.headerLayout.addWidget(self.headingLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.headerLayout.setStretch(1, 1)

        self.dialogLayout.addLayout(self.headerLayout)

        self.pages = QStackedWidget(WelcomeDialog)
        self.pages.setObjectName(u"pages")
        self.pageStart = QWidget()
        self.pageStart.setObjectName(u"pageStart")
        self.startLayout = QVBoxLayout(self.pageStart)
        self.startLayout.setObjectName(u"startLayout")
        self.introLabel = QLabel(self.pageStart)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.startLayout.addWidget(self.introLabel)

        self.demoButton = QPushButton(self.pageStart)
        self.demoButton.setObjectName(u"demoButton")
        self.demoButton.setMinimumSize(QSize(0, 40))

        self.startLayout.addWidget(self.demoButton)

        self.demoNote = QLabel(self.pageStart)
        self.demoNote.setObjectName(u"demoNote")
        self.demoNote.setWordWrap(True)

        self.startLayout.addWidget(self.demoNote)

        self.createButton = QPushButton(self.pageStart)
        self.createButton.setObjectName(u"createButton")
        self.createButton.setMinimumSize(QSize(0, 40))

        self.startLayout.addWidget(self.createButton)

        self.openButton = QPushButton(self.pageStart)
        self.openButton.setObjectName(u"openButton")
        self.openButton.setMinimumSize(QSize(0, 40))

        self.startLayout.addWidget(self.openButton)

        self.connectButton = QPushButton(self.pageStart)
        self.connectButton.setObjectName(u"connectButton")
        self.connectButton.setMinimumSize(QSize(0, 40))

        self.startLayout.addWidget(self.connectButton)

        self.startSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.startLayout.addItem(self.startSpacer)

        self.pages.addWidget(self.pageStart)
        self.pageCreate = QWidget()
        self.pageCreate.setObjectName(u"pageCreate")
        self.createLayout = QVBoxLayout(self.pageCreate)
        self.createLayout.setObjectName(u"createLayout")
        self.createForm = QFormLayout()
        self.createForm.setObjectName(u"createForm")
        self.pathLabel = QLabel(self.pageCreate)
        self.pathLabel.setObjectName(u"pathLabel")

        self.createForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathLayout = QHBoxLayout()
        self.pathLayout.setObjectName(u"pathLayout")
        self.pathEdit = QLineEdit(self.pageCreate)
        self.pathEdit.setObjectName(u"pathEdit")

        self.pathLayout.addWidget(self.pathEdit)

        self.browseButton = QPushButton(self.pageCreate)
        self.browseButton.setObjectName(u"browseButton")

        self.pathLayout.addWidget(self.browseButton)


        self.createForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.pathLayout)

        self.operatorLabel = QLabel(self.pageCreate)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.createForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.operatorLabel)

        self.operatorEdit = QLineEdit(self.pageCreate)
        self.operatorEdit.setObjectName(u"operatorEdit")

        self.createForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.operatorEdit)

        self.passphraseLabel = QLabel(self.pageCreate)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.createForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(self.pageCreate)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.createForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.repeatLabel = QLabel(self.pageCreate)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.createForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(self.pageCreate)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.createForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.strengthLabel = QLabel(self.pageCreate)
        self.strengthLabel.setObjectName(u"strengthLabel")
        self.strengthLabel.setWordWrap(True)

        self.createForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.strengthLabel)

        self.rememberCheck = QCheckBox(self.pageCreate)
        self.rememberCheck.setObjectName(u"rememberCheck")

        self.createForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.rememberCheck)

        self.keyringNote = QLabel(self.pageCreate)
        self.keyringNote.setObjectName(u"keyringNote")
        self.keyringNote.setWordWrap(True)

        self.createForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.keyringNote)


        self.createLayout.addLayout(self.createForm)

        self.createError = QLabel(self.pageCreate)
        self.createError.setObjectName(u"createError")
        self.createError.setWordWrap(True)

        self.createLayout.addWidget(self.createError)

        self.createSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.createLayout.addItem(self.createSpacer)

        self.createButtons = QHBoxLayout()
        self.createButtons.setObjectName(u"createButtons")
        self.backButton = QPushButton(self.pageCreate)
        self.backButton.setObjectName(u"backButton")

        self.createButtons.addWidget(self.backButton)

        self.createButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.createButtons.addItem(self.createButtonsSpacer)

        self.createConfirmButton = QPushButton(self.pageCreate)
        self.createConfirmButton.setObjectName(u"createConfirmButton")

        self.createButtons.addWidget(self.createConfirmButton)


        self.createLayout.addLayout(self.createButtons)

        self.pages.addWidget(self.pageCreate)

        self.dialogLayout.addWidget(self.pages)

#if QT_CONFIG(shortcut)
        self.pathLabel.setBuddy(self.pathEdit)
        self.operatorLabel.setBuddy(self.operatorEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WelcomeDialog)

        self.createConfirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(WelcomeDialog)
    # setupUi

    def retranslateUi(self, WelcomeDialog):
        WelcomeDialog.setWindowTitle(QCoreApplication.translate("WelcomeDialog", u"Welcome to WiR Manager", None))
        self.headingLabel.setText(QCoreApplication.translate("WelcomeDialog", u"Welcome to WiR Manager", None))
        self.introLabel.setText(QCoreApplication.translate("WelcomeDialog", u"Candidates, training records and placement requests are kept in one encrypted database file on this computer. Nobody can read it without its passphrase.", None))
        self.demoButton.setText(QCoreApplication.translate("WelcomeDialog", u"Open the demo database", None))
        self.createButton.setText(QCoreApplication.translate("WelcomeDialog", u"Create a new database\u2026", None))
        self.openButton.setText(QCoreApplication.translate("WelcomeDialog", u"Open an existing database\u2026", None))
        self.connectButton.setText(QCoreApplication.translate("WelcomeDialog", u"Connect to a team server\u2026", None))
        self.pathLabel.setText(QCoreApplication.translate("WelcomeDialog", u"&File:", None))
        self.browseButton.setText(QCoreApplication.translate("WelcomeDialog", u"Browse\u2026", None))
        self.operatorLabel.setText(QCoreApplication.translate("WelcomeDialog", u"Your &name:", None))
#if QT_CONFIG(tooltip)
        self.operatorEdit.setToolTip(QCoreApplication.translate("WelcomeDialog", u"Shown in the change history next to every edit you make", None))
#endif // QT_CONFIG(tooltip)
        self.passphraseLabel.setText(QCoreApplication.translate("WelcomeDialog", u"&Passphrase:", None))
        self.repeatLabel.setText(QCoreApplication.translate("WelcomeDialog", u"&Repeat:", None))
        self.rememberCheck.setText(QCoreApplication.translate("WelcomeDialog", u"Remember on this computer", None))
        self.backButton.setText(QCoreApplication.translate("WelcomeDialog", u"Back", None))
        self.createConfirmButton.setText(QCoreApplication.translate("WelcomeDialog", u"Create database", None))
    # retranslateUi
