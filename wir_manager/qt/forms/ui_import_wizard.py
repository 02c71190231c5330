# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_wizard.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListView, QPushButton, QSplitter, QTableView, QVBoxLayout

class Ui_ImportWizard(object):
    def setupUi(self, ImportWizard):
        if not ImportWizard.objectName():
            ImportWizard.setObjectName(u"ImportWizard")
        ImportWizard.resize(960, 640)
        self.dialogLayout = QVBoxLayout(ImportWizard)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headingLabel = QLabel(ImportWizard)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.headingLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.kindLabel = QLabel(ImportWizard)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ImportWizard)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.fileLabel = QLabel(ImportWizard)
        self.fileLabel.setObjectName(u"fileLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(ImportWizard)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(ImportWizard)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)

        self.templateButton = QPushButton(ImportWizard)
        self.templateButton.setObjectName(u"templateButton")

        self.fileLayout.addWidget(self.templateButton)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.fileLayout)


        self.dialogLayout.addLayout(self.form)

        self.summaryLabel = QLabel(ImportWizard)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.onlyProblemsCheck = QCheckBox(ImportWizard)
        self.onlyProblemsCheck.setObjectName(u"onlyProblemsCheck")

        self.dialogLayout.addWidget(self.onlyProblemsCheck)

        self.splitter = QSplitter(ImportWizard)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.previewTable = QTableView(self.splitter)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewTable.setSortingEnabled(True)
        self.previewTable.setWordWrap(False)
        self.splitter.addWidget(self.previewTable)
        self.problemsView = QListView(self.splitter)
        self.problemsView.setObjectName(u"problemsView")
        self.problemsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problemsView.setWordWrap(True)
        self.splitter.addWidget(self.problemsView)

        self.dialogLayout.addWidget(self.splitter)

        self.buttonBox = QDialogButtonBox(ImportWizard)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.fileLabel.setBuddy(self.fileEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportWizard)

        QMetaObject.connectSlotsByName(ImportWizard)
    # setupUi

    def retranslateUi(self, ImportWizard):
        ImportWizard.setWindowTitle(QCoreApplication.translate("ImportWizard", u"Import from a spreadsheet", None))
        self.headingLabel.setText(QCoreApplication.translate("ImportWizard", u"Choose an Excel workbook (.xlsx). Every row is checked first; nothing is written until you press Import.", None))
        self.kindLabel.setText(QCoreApplication.translate("ImportWizard", u"&What to import:", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportWizard", u"&File:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportWizard", u"No file chosen", None))
        self.browseButton.setText(QCoreApplication.translate("ImportWizard", u"&Choose file\u2026", None))
        self.templateButton.setText(QCoreApplication.translate("ImportWizard", u"Save &template\u2026", None))
        self.onlyProblemsCheck.setText(QCoreApplication.translate("ImportWizard", u"Show only rows with &problems", None))
    # retranslateUi
