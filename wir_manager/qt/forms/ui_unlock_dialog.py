# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_UnlockDialog(object):
    def setupUi(self, UnlockDialog):
        if not UnlockDialog.objectName():
            UnlockDialog.setObjectName(u"UnlockDialog")
        UnlockDialog.resize(520, 280)
        self.dialogLayout = QVBoxLayout(UnlockDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.iconLabel = QLabel(UnlockDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setMinimumSize(QSize(48, 48))

        self.headerLayout.addWidget(self.iconLabel)

        self.headingLabel = QLabel(UnlockDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.headerLayout.addWidget(self.headingLabel)

        self.headerLayout.setStretch(1, 1)

        self.dialogLayout.addLayout(self.headerLayout)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.fileLabel = QLabel(UnlockDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileCombo = QComboBox(UnlockDialog)
        self.fileCombo.setObjectName(u"fileCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.fileCombo.sizePolicy().hasHeightForWidth())
        self.fileCombo.setSizePolicy(sizePolicy)
        self.fileCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.fileCombo.setMinimumContentsLength(20)

        self.fileLayout.addWidget(self.fileCombo)

        self.browseButton = QPushButton(UnlockDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileLayout)

        self.passphraseLabel = QLabel(UnlockDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(UnlockDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.errorLabel = QLabel(UnlockDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.errorLabel)

        self.rememberCheck = QCheckBox(UnlockDialog)
        self.rememberCheck.setObjectName(u"rememberCheck")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rememberCheck)

        self.keyringNote = QLabel(UnlockDialog)
        self.keyringNote.setObjectName(u"keyringNote")
        self.keyringNote.setWordWrap(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.keyringNote)

        self.operatorLabel = QLabel(UnlockDialog)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.operatorLabel)

        self.operatorEdit = QLineEdit(UnlockDialog)
        self.operatorEdit.setObjectName(u"operatorEdit")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.operatorEdit)


        self.dialogLayout.addLayout(self.form)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.spacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.otherButton = QPushButton(UnlockDialog)
        self.otherButton.setObjectName(u"otherButton")

        self.buttonLayout.addWidget(self.otherButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(UnlockDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)

        self.unlockButton = QPushButton(UnlockDialog)
        self.unlockButton.setObjectName(u"unlockButton")

        self.buttonLayout.addWidget(self.unlockButton)


        self.dialogLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileCombo)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.operatorLabel.setBuddy(self.operatorEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passphraseEdit, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.fileCombo)

        self.retranslateUi(UnlockDialog)

        self.unlockButton.setDefault(True)


        QMetaObject.connectSlotsByName(UnlockDialog)
    # setupUi

    def retranslateUi(self, UnlockDialog):
        UnlockDialog.setWindowTitle(QCoreApplication.translate("UnlockDialog", u"Unlock database", None))
        self.headingLabel.setText(QCoreApplication.translate("UnlockDialog", u"Enter the passphrase to unlock the database.", None))
        self.fileLabel.setText(QCoreApplication.translate("UnlockDialog", u"&File:", None))
        self.browseButton.setText(QCoreApplication.translate("UnlockDialog", u"Browse\u2026", None))
        self.passphraseLabel.setText(QCoreApplication.translate("UnlockDialog", u"&Passphrase:", None))
        self.rememberCheck.setText(QCoreApplication.translate("UnlockDialog", u"Remember on this computer", None))
        self.operatorLabel.setText(QCoreApplication.translate("UnlockDialog", u"Your &name:", None))
#if QT_CONFIG(tooltip)
        self.operatorEdit.setToolTip(QCoreApplication.translate("UnlockDialog", u"Signs your changes in the history on this computer; it is asked once.", None))
#endif // QT_CONFIG(tooltip)
        self.otherButton.setText(QCoreApplication.translate("UnlockDialog", u"Other options\u2026", None))
        self.cancelButton.setText(QCoreApplication.translate("UnlockDialog", u"Quit", None))
        self.unlockButton.setText(QCoreApplication.translate("UnlockDialog", u"&Unlock", None))
    # retranslateUi
