# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'erase_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_EraseDialog(object):
    def setupUi(self, EraseDialog):
        if not EraseDialog.objectName():
            EraseDialog.setObjectName(u"EraseDialog")
        EraseDialog.resize(500, 260)
        self.dialogLayout = QVBoxLayout(EraseDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.iconLabel = QLabel(EraseDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setMinimumSize(QSize(40, 40))
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.headerLayout.addWidget(self.iconLabel)

        self.headingLabel = QLabel(EraseDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.headerLayout.addWidget(self.headingLabel)


        self.dialogLayout.addLayout(self.headerLayout)

        self.explanationLabel = QLabel(EraseDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.explanationLabel)

        self.promptLabel = QLabel(EraseDialog)
        self.promptLabel.setObjectName(u"promptLabel")
        self.promptLabel.setWordWrap(True)
        self.promptLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.promptLabel)

        self.usernameEdit = QLineEdit(EraseDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")

        self.dialogLayout.addWidget(self.usernameEdit)

        self.verticalSpacer = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(EraseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.promptLabel.setBuddy(self.usernameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EraseDialog)

        QMetaObject.connectSlotsByName(EraseDialog)
    # setupUi

    def retranslateUi(self, EraseDialog):
        EraseDialog.setWindowTitle(QCoreApplication.translate("EraseDialog", u"Erase candidate", None))
        self.explanationLabel.setText(QCoreApplication.translate("EraseDialog", u"This removes the person with their languages, skills, training records, shortlist entries, placements and notes. The audit and disclosure logs keep only an anonymous placeholder. It cannot be undone; backups made earlier still contain the person.", None))
#if QT_CONFIG(accessibility)
        self.usernameEdit.setAccessibleName(QCoreApplication.translate("EraseDialog", u"Username to confirm the erasure", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
