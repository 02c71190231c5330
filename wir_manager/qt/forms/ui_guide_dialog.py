# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'guide_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QSplitter, QTextBrowser, QVBoxLayout, QWidget

class Ui_GuideDialog(object):
    def setupUi(self, GuideDialog):
        if not GuideDialog.objectName():
            GuideDialog.setObjectName(u"GuideDialog")
        GuideDialog.resize(980, 700)
        self.dialogLayout = QVBoxLayout(GuideDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.findLayout = QHBoxLayout()
        self.findLayout.setObjectName(u"findLayout")
        self.findLabel = QLabel(GuideDialog)
        self.findLabel.setObjectName(u"findLabel")

        self.findLayout.addWidget(self.findLabel)

        self.findEdit = QLineEdit(GuideDialog)
        self.findEdit.setObjectName(u"findEdit")
        self.findEdit.setClearButtonEnabled(True)

        self.findLayout.addWidget(self.findEdit)


        self.dialogLayout.addLayout(self.findLayout)

        self.splitter = QSplitter(GuideDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.contentsList = QListWidget(self.splitter)
        self.contentsList.setObjectName(u"contentsList")
        self.splitter.addWidget(self.contentsList)
        self.browser = QTextBrowser(self.splitter)
        self.browser.setObjectName(u"browser")
        self.browser.setOpenExternalLinks(True)
        self.splitter.addWidget(self.browser)

        self.dialogLayout.addWidget(self.splitter)

        self.buttonBox = QDialogButtonBox(GuideDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.findLabel.setBuddy(self.findEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.findEdit, self.contentsList)
        QWidget.setTabOrder(self.contentsList, self.browser)

        self.retranslateUi(GuideDialog)
        self.buttonBox.rejected.connect(GuideDialog.reject)

        QMetaObject.connectSlotsByName(GuideDialog)
    # setupUi

    def retranslateUi(self, GuideDialog):
        GuideDialog.setWindowTitle(QCoreApplication.translate("GuideDialog", u"WiR Manager user guide", None))
        self.findLabel.setText(QCoreApplication.translate("GuideDialog", u"F&ind in guide:", None))
#if QT_CONFIG(accessibility)
        self.findEdit.setAccessibleName(QCoreApplication.translate("GuideDialog", u"Find in guide", None))
#endif // QT_CONFIG(accessibility)
        self.findEdit.setPlaceholderText(QCoreApplication.translate("GuideDialog", u"Word or phrase, then Enter", None))
#if QT_CONFIG(accessibility)
        self.contentsList.setAccessibleName(QCoreApplication.translate("GuideDialog", u"Contents", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.browser.setAccessibleName(QCoreApplication.translate("GuideDialog", u"Guide text", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
