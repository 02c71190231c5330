# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'module_editor.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem

class Ui_ModuleEditor(object):
    def setupUi(self, ModuleEditor):
        if not ModuleEditor.objectName():
            ModuleEditor.setObjectName(u"ModuleEditor")
        ModuleEditor.resize(320, 300)
        self.moduleForm = QFormLayout(ModuleEditor)
        self.moduleForm.setObjectName(u"moduleForm")
        self.titleLabel = QLabel(ModuleEditor)
        self.titleLabel.setObjectName(u"titleLabel")

        self.moduleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(ModuleEditor)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.moduleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.descriptionLabel = QLabel(ModuleEditor)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.moduleForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(ModuleEditor)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setMaximumSize(QSize(16777215, 80))

        self.moduleForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.mandatoryCheck = QCheckBox(ModuleEditor)
        self.mandatoryCheck.setObjectName(u"mandatoryCheck")

        self.moduleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.mandatoryCheck)

        self.activeCheck = QCheckBox(ModuleEditor)
        self.activeCheck.setObjectName(u"activeCheck")

        self.moduleForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.activeCheck)

        self.errorLabel = QLabel(ModuleEditor)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.moduleForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.errorLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.revertButton = QPushButton(ModuleEditor)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonLayout.addWidget(self.revertButton)

        self.saveButton = QPushButton(ModuleEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)


        self.moduleForm.setLayout(5, QFormLayout.ItemRole.SpanningRole, self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ModuleEditor)

        QMetaObject.connectSlotsByName(ModuleEditor)
    # setupUi

    def retranslateUi(self, ModuleEditor):
        ModuleEditor.setTitle(QCoreApplication.translate("ModuleEditor", u"Module", None))
        self.titleLabel.setText(QCoreApplication.translate("ModuleEditor", u"&Title", None))
        self.descriptionLabel.setText(QCoreApplication.translate("ModuleEditor", u"&Description", None))
        self.mandatoryCheck.setText(QCoreApplication.translate("ModuleEditor", u"&Mandatory for \u201cready\u201d", None))
#if QT_CONFIG(tooltip)
        self.activeCheck.setToolTip(QCoreApplication.translate("ModuleEditor", u"Uncheck to retire the module: it leaves the grid, and what people completed stays recorded.", None))
#endif // QT_CONFIG(tooltip)
        self.activeCheck.setText(QCoreApplication.translate("ModuleEditor", u"A&ctive", None))
        self.revertButton.setText(QCoreApplication.translate("ModuleEditor", u"Revert", None))
        self.saveButton.setText(QCoreApplication.translate("ModuleEditor", u"Save module", None))
    # retranslateUi
