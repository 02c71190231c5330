# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'tour_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget

class Ui_TourDialog(object):
    def setupUi(self, TourDialog):
        if not TourDialog.objectName():
            TourDialog.setObjectName(u"TourDialog")
        TourDialog.resize(720, 520)
        self.dialogLayout = QVBoxLayout(TourDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.pages = QStackedWidget(TourDialog)
        self.pages.setObjectName(u"pages")

        self.dialogLayout.addWidget(self.pages)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.skipButton = QPushButton(TourDialog)
        self.skipButton.setObjectName(u"skipButton")
        self.skipButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.skipButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.stepLabel = QLabel(TourDialog)
        self.stepLabel.setObjectName(u"stepLabel")
        self.stepLabel.setText(u"1 / 1")

        self.buttonLayout.addWidget(self.stepLabel)

        self.backButton = QPushButton(TourDialog)
        self.backButton.setObjectName(u"backButton")
        self.backButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.backButton)

        self.nextButton = QPushButton(TourDialog)
        self.nextButton.setObjectName(u"nextButton")

        self.buttonLayout.addWidget(self.nextButton)


        self.dialogLayout.addLayout(self.buttonLayout)

        QWidget.setTabOrder(self.nextButton, self.backButton)
        QWidget.setTabOrder(self.backButton, self.skipButton)

        self.retranslateUi(TourDialog)

        self.nextButton.setDefault(True)


        QMetaObject.connectSlotsByName(TourDialog)
    # setupUi

    def retranslateUi(self, TourDialog):
        TourDialog.setWindowTitle(QCoreApplication.translate("TourDialog", u"Welcome to WiR Manager", None))
#if QT_CONFIG(accessibility)
        self.pages.setAccessibleName(QCoreApplication.translate("TourDialog", u"Tour pages", None))
#endif // QT_CONFIG(accessibility)
        self.skipButton.setText(QCoreApplication.translate("TourDialog", u"&Skip tour", None))
#if QT_CONFIG(accessibility)
        self.skipButton.setAccessibleName(QCoreApplication.translate("TourDialog", u"Skip tour", None))
#endif // QT_CONFIG(accessibility)
        self.backButton.setText(QCoreApplication.translate("TourDialog", u"&Back", None))
#if QT_CONFIG(accessibility)
        self.backButton.setAccessibleName(QCoreApplication.translate("TourDialog", u"Previous page", None))
#endif // QT_CONFIG(accessibility)
        self.nextButton.setText(QCoreApplication.translate("TourDialog", u"&Next", None))
#if QT_CONFIG(accessibility)
        self.nextButton.setAccessibleName(QCoreApplication.translate("TourDialog", u"Next page", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
