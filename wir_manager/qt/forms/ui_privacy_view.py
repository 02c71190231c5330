# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'privacy_view.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTabWidget, QTableView, QVBoxLayout, QWidget

class Ui_PrivacyView(object):
    def setupUi(self, PrivacyView):
        if not PrivacyView.objectName():
            PrivacyView.setObjectName(u"PrivacyView")
        PrivacyView.resize(1000, 640)
        self.viewLayout = QVBoxLayout(PrivacyView)
        self.viewLayout.setObjectName(u"viewLayout")
        self.tabs = QTabWidget(PrivacyView)
        self.tabs.setObjectName(u"tabs")
        self.auditTab = QWidget()
        self.auditTab.setObjectName(u"auditTab")
        self.auditLayout = QVBoxLayout(self.auditTab)
        self.auditLayout.setObjectName(u"auditLayout")
        self.auditFilters = QHBoxLayout()
        self.auditFilters.setObjectName(u"auditFilters")
        self.entityLabel = QLabel(self.auditTab)
        self.entityLabel.setObjectName(u"entityLabel")

        self.auditFilters.addWidget(self.entityLabel)

        self.entityFilter = QComboBox(self.auditTab)
        self.entityFilter.setObjectName(u"entityFilter")
        self.entityFilter.setMinimumContentsLength(12)

        self.auditFilters.addWidget(self.entityFilter)

        self.operatorLabel = QLabel(self.auditTab)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.auditFilters.addWidget(self.operatorLabel)

        self.operatorFilter = QComboBox(self.auditTab)
        self.operatorFilter.setObjectName(u"operatorFilter")
        self.operatorFilter.setMinimumContentsLength(12)

        self.auditFilters.addWidget(self.operatorFilter)

        self.recordLabel = QLabel(self.auditTab)
        self.recordLabel.setObjectName(u"recordLabel")

        self.auditFilters.addWidget(self.recordLabel)

        self.recordEdit = QLineEdit(self.auditTab)
        self.recordEdit.setObjectName(u"recordEdit")
        self.recordEdit.setMaximumSize(QSize(110, 16777215))
        self.recordEdit.setClearButtonEnabled(True)

        self.auditFilters.addWidget(self.recordEdit)

        self.auditStretch = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.auditFilters.addItem(self.auditStretch)

        self.refreshAuditButton = QPushButton(self.auditTab)
        self.refreshAuditButton.setObjectName(u"refreshAuditButton")

        self.auditFilters.addWidget(self.refreshAuditButton)


        self.auditLayout.addLayout(self.auditFilters)

        self.auditTable = QTableView(self.auditTab)
        self.auditTable.setObjectName(u"auditTable")
        self.auditTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.auditTable.setAlternatingRowColors(True)
        self.auditTable.setSortingEnabled(True)

        self.auditLayout.addWidget(self.auditTable)

        self.auditNote = QLabel(self.auditTab)
        self.auditNote.setObjectName(u"auditNote")
        self.auditNote.setWordWrap(True)

        self.auditLayout.addWidget(self.auditNote)

        self.tabs.addTab(self.auditTab, "")
        self.retentionTab = QWidget()
        self.retentionTab.setObjectName(u"retentionTab")
        self.retentionLayout = QVBoxLayout(self.retentionTab)
        self.retentionLayout.setObjectName(u"retentionLayout")
        self.retentionSettings = QHBoxLayout()
        self.retentionSettings.setObjectName(u"retentionSettings")
        self.consentLabel = QLabel(self.retentionTab)
        self.consentLabel.setObjectName(u"consentLabel")

        self.retentionSettings.addWidget(self.consentLabel)

        self.consentMonths = QSpinBox(self.retentionTab)
        self.consentMonths.setObjectName(u"consentMonths")
        self.consentMonths.setMinimum(1)
        self.consentMonths.setMaximum(1200)

        self.retentionSettings.addWidget(self.consentMonths)

        self.inactiveLabel = QLabel(self.retentionTab)
        self.inactiveLabel.setObjectName(u"inactiveLabel")

        self.retentionSettings.addWidget(self.inactiveLabel)

        self.inactiveMonths = QSpinBox(self.retentionTab)
        self.inactiveMonths.setObjectName(u"inactiveMonths")
        self.inactiveMonths.setMinimum(1)
        self.inactiveMonths.setMaximum(1200)

        self.retentionSettings.addWidget(self.inactiveMonths)

        self.retentionStretch = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.retentionSettings.addItem(self.retentionStretch)

        self.refreshRetentionButton = QPushButton(self.retentionTab)
        self.refreshRetentionButton.setObjectName(u"refreshRetentionButton")

        self.retentionSettings.addWidget(self.refreshRetentionButton)


        self.retentionLayout.addLayout(self.retentionSettings)

        self.retentionSummary = QLabel(self.retentionTab)
        self.retentionSummary.setObjectName(u"retentionSummary")
        self.retentionSummary.setWordWrap(True)

        self.retentionLayout.addWidget(self.retentionSummary)

        self.retentionTable = QTableView(self.retentionTab)
        self.retentionTable.setObjectName(u"retentionTable")
        self.retentionTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.retentionTable.setAlternatingRowColors(True)
        self.retentionTable.setSortingEnabled(True)

        self.retentionLayout.addWidget(self.retentionTable)

        self.retentionActions = QHBoxLayout()
        self.retentionActions.setObjectName(u"retentionActions")
        self.askAgainButton = QPushButton(self.retentionTab)
        self.askAgainButton.setObjectName(u"askAgainButton")

        self.retentionActions.addWidget(self.askAgainButton)

        self.retentionActionsStretch = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.retentionActions.addItem(self.retentionActionsStretch)

        self.eraseButton = QPushButton(self.retentionTab)
        self.eraseButton.setObjectName(u"eraseButton")

        self.retentionActions.addWidget(self.eraseButton)


        self.retentionLayout.addLayout(self.retentionActions)

        self.tabs.addTab(self.retentionTab, "")
        self.backupsTab = QWidget()
        self.backupsTab.setObjectName(u"backupsTab")
        self.backupsLayout = QVBoxLayout(self.backupsTab)
        self.backupsLayout.setObjectName(u"backupsLayout")
        self.backupsNote = QLabel(self.backupsTab)
        self.backupsNote.setObjectName(u"backupsNote")
        self.backupsNote.setWordWrap(True)

        self.backupsLayout.addWidget(self.backupsNote)

        self.backupsTable = QTableView(self.backupsTab)
        self.backupsTable.setObjectName(u"backupsTable")
        self.backupsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backupsTable.setAlternatingRowColors(True)
        self.backupsTable.setSortingEnabled(True)

        self.backupsLayout.addWidget(self.backupsTable)

        self.backupActions = QHBoxLayout()
        self.backupActions.setObjectName(u"backupActions")
        self.backupNowButton = QPushButton(self.backupsTab)
        self.backupNowButton.setObjectName(u"backupNowButton")

        self.backupActions.addWidget(self.backupNowButton)

        self.restoreButton = QPushButton(self.backupsTab)
        self.restoreButton.setObjectName(u"restoreButton")

        self.backupActions.addWidget(self.restoreButton)

        self.restoreFileButton = QPushButton(self.backupsTab)
        self.restoreFileButton.setObjectName(u"restoreFileButton")

        self.backupActions.addWidget(self.restoreFileButton)

        self.backupStretch = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupActions.addItem(self.backupStretch)

        self.keepLabel = QLabel(self.backupsTab)
        self.keepLabel.setObjectName(u"keepLabel")

        self.backupActions.addWidget(self.keepLabel)

        self.keepSpin = QSpinBox(self.backupsTab)
        self.keepSpin.setObjectName(u"keepSpin")
        self.keepSpin.setMinimum(1)
        self.keepSpin.setMaximum(365)

        self.backupActions.addWidget(self.keepSpin)


        self.backupsLayout.addLayout(self.backupActions)

        self.tabs.addTab(self.backupsTab, "")

        self.viewLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.entityLabel.setBuddy(self.entityFilter)
        self.operatorLabel.setBuddy(self.operatorFilter)
        self.recordLabel.setBuddy(self.recordEdit)
        self.consentLabel.setBuddy(self.consentMonths)
        self.inactiveLabel.setBuddy(self.inactiveMonths)
        self.keepLabel.setBuddy(self.keepSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PrivacyView)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(PrivacyView)
    # setupUi

    def retranslateUi(self, PrivacyView):
        self.entityLabel.setText(QCoreApplication.translate("PrivacyView", u"&Record kind:", None))
#if QT_CONFIG(tooltip)
        self.entityFilter.setToolTip(QCoreApplication.translate("PrivacyView", u"Show changes to this kind of record", None))
#endif // QT_CONFIG(tooltip)
        self.operatorLabel.setText(QCoreApplication.translate("PrivacyView", u"&Operator:", None))
#if QT_CONFIG(tooltip)
        self.operatorFilter.setToolTip(QCoreApplication.translate("PrivacyView", u"Show changes made by this person", None))
#endif // QT_CONFIG(tooltip)
        self.recordLabel.setText(QCoreApplication.translate("PrivacyView", u"Record &id:", None))
        self.recordEdit.setPlaceholderText(QCoreApplication.translate("PrivacyView", u"any", None))
#if QT_CONFIG(accessibility)
        self.recordEdit.setAccessibleName(QCoreApplication.translate("PrivacyView", u"Record id", None))
#endif // QT_CONFIG(accessibility)
        self.refreshAuditButton.setText(QCoreApplication.translate("PrivacyView", u"&Refresh", None))
#if QT_CONFIG(tooltip)
        self.refreshAuditButton.setToolTip(QCoreApplication.translate("PrivacyView", u"Read the audit log again", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.auditTable.setAccessibleName(QCoreApplication.translate("PrivacyView", u"Audit log", None))
#endif // QT_CONFIG(accessibility)
        self.auditNote.setText(QCoreApplication.translate("PrivacyView", u"The audit log records who changed which record and which fields, and when \u2014 never the values.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.auditTab), QCoreApplication.translate("PrivacyView", u"Audit log", None))
        self.consentLabel.setText(QCoreApplication.translate("PrivacyView", u"Consent older than:", None))
        self.consentMonths.setSuffix(QCoreApplication.translate("PrivacyView", u" months", None))
#if QT_CONFIG(accessibility)
        self.consentMonths.setAccessibleName(QCoreApplication.translate("PrivacyView", u"Consent period in months", None))
#endif // QT_CONFIG(accessibility)
        self.inactiveLabel.setText(QCoreApplication.translate("PrivacyView", u"or no change for:", None))
        self.inactiveMonths.setSuffix(QCoreApplication.translate("PrivacyView", u" months", None))
#if QT_CONFIG(accessibility)
        self.inactiveMonths.setAccessibleName(QCoreApplication.translate("PrivacyView", u"Inactivity period in months", None))
#endif // QT_CONFIG(accessibility)
        self.refreshRetentionButton.setText(QCoreApplication.translate("PrivacyView", u"&Check now", None))
#if QT_CONFIG(tooltip)
        self.refreshRetentionButton.setToolTip(QCoreApplication.translate("PrivacyView", u"List the candidates due under these periods (and remember the periods)", None))
#endif // QT_CONFIG(tooltip)
        self.retentionSummary.setText("")
#if QT_CONFIG(accessibility)
        self.retentionTable.setAccessibleName(QCoreApplication.translate("PrivacyView", u"Candidates due for consent renewal or erasure", None))
#endif // QT_CONFIG(accessibility)
        self.askAgainButton.setText(QCoreApplication.translate("PrivacyView", u"&Ask again\u2026", None))
#if QT_CONFIG(tooltip)
        self.askAgainButton.setToolTip(QCoreApplication.translate("PrivacyView", u"Record that consent renewal was requested today for the selected candidates (or all listed)", None))
#endif // QT_CONFIG(tooltip)
        self.eraseButton.setText(QCoreApplication.translate("PrivacyView", u"&Erase\u2026", None))
#if QT_CONFIG(tooltip)
        self.eraseButton.setToolTip(QCoreApplication.translate("PrivacyView", u"Erase the selected candidates (or all listed) for good", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.retentionTab), QCoreApplication.translate("PrivacyView", u"Retention", None))
        self.backupsNote.setText("")
#if QT_CONFIG(accessibility)
        self.backupsTable.setAccessibleName(QCoreApplication.translate("PrivacyView", u"Backups", None))
#endif // QT_CONFIG(accessibility)
        self.backupNowButton.setText(QCoreApplication.translate("PrivacyView", u"&Back up now", None))
#if QT_CONFIG(tooltip)
        self.backupNowButton.setToolTip(QCoreApplication.translate("PrivacyView", u"Write an encrypted, verified copy into the backups folder", None))
#endif // QT_CONFIG(tooltip)
        self.restoreButton.setText(QCoreApplication.translate("PrivacyView", u"&Restore selected\u2026", None))
#if QT_CONFIG(tooltip)
        self.restoreButton.setToolTip(QCoreApplication.translate("PrivacyView", u"Replace the database with the selected backup", None))
#endif // QT_CONFIG(tooltip)
        self.restoreFileButton.setText(QCoreApplication.translate("PrivacyView", u"Restore from &file\u2026", None))
#if QT_CONFIG(tooltip)
        self.restoreFileButton.setToolTip(QCoreApplication.translate("PrivacyView", u"Replace the database with a backup file from elsewhere", None))
#endif // QT_CONFIG(tooltip)
        self.keepLabel.setText(QCoreApplication.translate("PrivacyView", u"Daily backups to &keep:", None))
        self.keepSpin.setSuffix("")
#if QT_CONFIG(accessibility)
        self.keepSpin.setAccessibleName(QCoreApplication.translate("PrivacyView", u"Number of automatic daily backups to keep", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.backupsTab), QCoreApplication.translate("PrivacyView", u"Backups", None))
        pass
    # retranslateUi
