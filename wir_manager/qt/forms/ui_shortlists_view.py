# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'shortlists_view.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QSplitter, QTabWidget, QTableView, QTreeView, QVBoxLayout, QWidget

class Ui_ShortlistsView(object):
    def setupUi(self, ShortlistsView):
        if not ShortlistsView.objectName():
            ShortlistsView.setObjectName(u"ShortlistsView")
        ShortlistsView.resize(1280, 800)
        self.viewLayout = QVBoxLayout(ShortlistsView)
        self.viewLayout.setObjectName(u"viewLayout")
        self.viewLayout.setContentsMargins(6, 6, 6, 6)
        self.tabs = QTabWidget(ShortlistsView)
        self.tabs.setObjectName(u"tabs")
        self.rankTab = QWidget()
        self.rankTab.setObjectName(u"rankTab")
        self.rankLayout = QVBoxLayout(self.rankTab)
        self.rankLayout.setObjectName(u"rankLayout")
        self.pickerLayout = QHBoxLayout()
        self.pickerLayout.setObjectName(u"pickerLayout")
        self.requestLabel = QLabel(self.rankTab)
        self.requestLabel.setObjectName(u"requestLabel")

        self.pickerLayout.addWidget(self.requestLabel)

        self.requestCombo = QComboBox(self.rankTab)
        self.requestCombo.setObjectName(u"requestCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.requestCombo.sizePolicy().hasHeightForWidth())
        self.requestCombo.setSizePolicy(sizePolicy)

        self.pickerLayout.addWidget(self.requestCombo)

        self.inTrainingCheck = QCheckBox(self.rankTab)
        self.inTrainingCheck.setObjectName(u"inTrainingCheck")
        self.inTrainingCheck.setTristate(False)

        self.pickerLayout.addWidget(self.inTrainingCheck)


        self.rankLayout.addLayout(self.pickerLayout)

        self.summaryLabel = QLabel(self.rankTab)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.rankLayout.addWidget(self.summaryLabel)

        self.mainSplitter = QSplitter(self.rankTab)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.mainSplitter.setChildrenCollapsible(False)
        self.listSplitter = QSplitter(self.mainSplitter)
        self.listSplitter.setObjectName(u"listSplitter")
        self.listSplitter.setOrientation(Qt.Orientation.Vertical)
        self.listSplitter.setChildrenCollapsible(False)
        self.rankedPane = QWidget(self.listSplitter)
        self.rankedPane.setObjectName(u"rankedPane")
        self.rankedLayout = QVBoxLayout(self.rankedPane)
        self.rankedLayout.setObjectName(u"rankedLayout")
        self.rankedLayout.setContentsMargins(0, 0, 0, 0)
        self.legendLayout = QHBoxLayout()
        self.legendLayout.setObjectName(u"legendLayout")
        self.rankedTitle = QLabel(self.rankedPane)
        self.rankedTitle.setObjectName(u"rankedTitle")

        self.legendLayout.addWidget(self.rankedTitle)


        self.rankedLayout.addLayout(self.legendLayout)

        self.rankedTree = QTreeView(self.rankedPane)
        self.rankedTree.setObjectName(u"rankedTree")
        self.rankedTree.setAlternatingRowColors(True)
        self.rankedTree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rankedTree.setUniformRowHeights(False)
        self.rankedTree.setSortingEnabled(True)

        self.rankedLayout.addWidget(self.rankedTree)

        self.saveLayout = QHBoxLayout()
        self.saveLayout.setObjectName(u"saveLayout")
        self.pickedLabel = QLabel(self.rankedPane)
        self.pickedLabel.setObjectName(u"pickedLabel")

        self.saveLayout.addWidget(self.pickedLabel)

        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveLayout.addItem(self.saveSpacer)

        self.tickBestButton = QPushButton(self.rankedPane)
        self.tickBestButton.setObjectName(u"tickBestButton")

        self.saveLayout.addWidget(self.tickBestButton)

        self.topSpin = QSpinBox(self.rankedPane)
        self.topSpin.setObjectName(u"topSpin")
        self.topSpin.setMinimum(1)
        self.topSpin.setMaximum(50)
        self.topSpin.setValue(5)

        self.saveLayout.addWidget(self.topSpin)

        self.saveButton = QPushButton(self.rankedPane)
        self.saveButton.setObjectName(u"saveButton")

        self.saveLayout.addWidget(self.saveButton)

        self.dossierButton = QPushButton(self.rankedPane)
        self.dossierButton.setObjectName(u"dossierButton")

        self.saveLayout.addWidget(self.dossierButton)


        self.rankedLayout.addLayout(self.saveLayout)

        self.listSplitter.addWidget(self.rankedPane)
        self.lowerTabs = QTabWidget(self.listSplitter)
        self.lowerTabs.setObjectName(u"lowerTabs")
        self.nearPage = QWidget()
        self.nearPage.setObjectName(u"nearPage")
        self.nearLayout = QVBoxLayout(self.nearPage)
        self.nearLayout.setObjectName(u"nearLayout")
        self.nearTitle = QLabel(self.nearPage)
        self.nearTitle.setObjectName(u"nearTitle")

        self.nearLayout.addWidget(self.nearTitle)

        self.nearTable = QTableView(self.nearPage)
        self.nearTable.setObjectName(u"nearTable")
        self.nearTable.setAlternatingRowColors(True)
        self.nearTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.nearTable.setSortingEnabled(True)

        self.nearLayout.addWidget(self.nearTable)

        self.lowerTabs.addTab(self.nearPage, "")
        self.savedPage = QWidget()
        self.savedPage.setObjectName(u"savedPage")
        self.savedLayout = QVBoxLayout(self.savedPage)
        self.savedLayout.setObjectName(u"savedLayout")
        self.savedTable = QTableView(self.savedPage)
        self.savedTable.setObjectName(u"savedTable")
        self.savedTable.setAlternatingRowColors(True)
        self.savedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.savedTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.savedLayout.addWidget(self.savedTable)

        self.statusLayout = QHBoxLayout()
        self.statusLayout.setObjectName(u"statusLayout")
        self.statusCombo = QComboBox(self.savedPage)
        self.statusCombo.setObjectName(u"statusCombo")

        self.statusLayout.addWidget(self.statusCombo)

        self.statusButton = QPushButton(self.savedPage)
        self.statusButton.setObjectName(u"statusButton")

        self.statusLayout.addWidget(self.statusButton)


        self.savedLayout.addLayout(self.statusLayout)

        self.noteLayout = QHBoxLayout()
        self.noteLayout.setObjectName(u"noteLayout")
        self.noteEdit = QLineEdit(self.savedPage)
        self.noteEdit.setObjectName(u"noteEdit")

        self.noteLayout.addWidget(self.noteEdit)

        self.noteButton = QPushButton(self.savedPage)
        self.noteButton.setObjectName(u"noteButton")

        self.noteLayout.addWidget(self.noteButton)


        self.savedLayout.addLayout(self.noteLayout)

        self.lowerTabs.addTab(self.savedPage, "")
        self.listSplitter.addWidget(self.lowerTabs)
        self.mainSplitter.addWidget(self.listSplitter)
        self.sideScroll = QScrollArea(self.mainSplitter)
        self.sideScroll.setObjectName(u"sideScroll")
        self.sideScroll.setWidgetResizable(True)
        self.sideScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sidePane = QWidget()
        self.sidePane.setObjectName(u"sidePane")
        self.sideLayout = QVBoxLayout(self.sidePane)
        self.sideLayout.setObjectName(u"sideLayout")
        self.weightsBox = QGroupBox(self.sidePane)
        self.weightsBox.setObjectName(u"weightsBox")
        self.weightsLayout = QVBoxLayout(self.weightsBox)
        self.weightsLayout.setObjectName(u"weightsLayout")
        self.profileLabel = QLabel(self.weightsBox)
        self.profileLabel.setObjectName(u"profileLabel")
        self.profileLabel.setWordWrap(True)

        self.weightsLayout.addWidget(self.profileLabel)

        self.weightsForm = QFormLayout()
        self.weightsForm.setObjectName(u"weightsForm")

        self.weightsLayout.addLayout(self.weightsForm)

        self.weightButtons = QHBoxLayout()
        self.weightButtons.setObjectName(u"weightButtons")
        self.resetWeightsButton = QPushButton(self.weightsBox)
        self.resetWeightsButton.setObjectName(u"resetWeightsButton")

        self.weightButtons.addWidget(self.resetWeightsButton)

        self.saveWeightsButton = QPushButton(self.weightsBox)
        self.saveWeightsButton.setObjectName(u"saveWeightsButton")

        self.weightButtons.addWidget(self.saveWeightsButton)


        self.weightsLayout.addLayout(self.weightButtons)


        self.sideLayout.addWidget(self.weightsBox)

        self.diversityBox = QGroupBox(self.sidePane)
        self.diversityBox.setObjectName(u"diversityBox")
        self.diversityLayout = QVBoxLayout(self.diversityBox)
        self.diversityLayout.setObjectName(u"diversityLayout")
        self.diversityLabel = QLabel(self.diversityBox)
        self.diversityLabel.setObjectName(u"diversityLabel")
        self.diversityLabel.setWordWrap(True)
        self.diversityLabel.setTextFormat(Qt.TextFormat.RichText)

        self.diversityLayout.addWidget(self.diversityLabel)


        self.sideLayout.addWidget(self.diversityBox)

        self.sideSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sideLayout.addItem(self.sideSpacer)

        self.sideScroll.setWidget(self.sidePane)
        self.mainSplitter.addWidget(self.sideScroll)

        self.rankLayout.addWidget(self.mainSplitter)

        self.tabs.addTab(self.rankTab, "")
        self.assignTab = QWidget()
        self.assignTab.setObjectName(u"assignTab")
        self.assignLayout = QVBoxLayout(self.assignTab)
        self.assignLayout.setObjectName(u"assignLayout")
        self.assignTop = QHBoxLayout()
        self.assignTop.setObjectName(u"assignTop")
        self.assignButton = QPushButton(self.assignTab)
        self.assignButton.setObjectName(u"assignButton")

        self.assignTop.addWidget(self.assignButton)

        self.assignSummary = QLabel(self.assignTab)
        self.assignSummary.setObjectName(u"assignSummary")
        self.assignSummary.setWordWrap(True)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.assignSummary.sizePolicy().hasHeightForWidth())
        self.assignSummary.setSizePolicy(sizePolicy1)

        self.assignTop.addWidget(self.assignSummary)


        self.assignLayout.addLayout(self.assignTop)

        self.assignTable = QTableView(self.assignTab)
        self.assignTable.setObjectName(u"assignTable")
        self.assignTable.setAlternatingRowColors(True)
        self.assignTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assignTable.setSortingEnabled(True)
        self.assignTable.setWordWrap(True)

        self.assignLayout.addWidget(self.assignTable)

        self.tabs.addTab(self.assignTab, "")

        self.viewLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.requestLabel.setBuddy(self.requestCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ShortlistsView)

        self.tabs.setCurrentIndex(0)
        self.lowerTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ShortlistsView)
    # setupUi

    def retranslateUi(self, ShortlistsView):
        self.requestLabel.setText(QCoreApplication.translate("ShortlistsView", u"&Request:", None))
#if QT_CONFIG(tooltip)
        self.requestCombo.setToolTip(QCoreApplication.translate("ShortlistsView", u"The placement request to rank candidates for", None))
#endif // QT_CONFIG(tooltip)
        self.inTrainingCheck.setText(QCoreApplication.translate("ShortlistsView", u"Include candidates in &training", None))
        self.summaryLabel.setText("")
        self.rankedTitle.setText(QCoreApplication.translate("ShortlistsView", u"Eligible candidates: tick to shortlist, expand to read why", None))
        self.pickedLabel.setText("")
#if QT_CONFIG(tooltip)
        self.tickBestButton.setToolTip(QCoreApplication.translate("ShortlistsView", u"Tick the best N again (your own ticks stay when the weights change)", None))
#endif // QT_CONFIG(tooltip)
        self.tickBestButton.setText(QCoreApplication.translate("ShortlistsView", u"Tick the &best", None))
#if QT_CONFIG(accessibility)
        self.topSpin.setAccessibleName(QCoreApplication.translate("ShortlistsView", u"How many of the best to tick", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.topSpin.setToolTip(QCoreApplication.translate("ShortlistsView", u"How many of the best to tick", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("ShortlistsView", u"&Save shortlist", None))
#if QT_CONFIG(tooltip)
        self.dossierButton.setToolTip(QCoreApplication.translate("ShortlistsView", u"A PDF placement dossier for the IGO liaison: the saved shortlist, or the current top 5", None))
#endif // QT_CONFIG(tooltip)
        self.dossierButton.setText(QCoreApplication.translate("ShortlistsView", u"Generate &dossier\u2026", None))
        self.nearTitle.setText(QCoreApplication.translate("ShortlistsView", u"Candidates who miss exactly one required item, with the reason.", None))
        self.lowerTabs.setTabText(self.lowerTabs.indexOf(self.nearPage), QCoreApplication.translate("ShortlistsView", u"Near misses", None))
#if QT_CONFIG(tooltip)
        self.statusCombo.setToolTip(QCoreApplication.translate("ShortlistsView", u"New status for the selected entry", None))
#endif // QT_CONFIG(tooltip)
        self.statusButton.setText(QCoreApplication.translate("ShortlistsView", u"Set s&tatus", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ShortlistsView", u"Coordinator's note for the selected entry", None))
        self.noteButton.setText(QCoreApplication.translate("ShortlistsView", u"Save &note", None))
        self.lowerTabs.setTabText(self.lowerTabs.indexOf(self.savedPage), QCoreApplication.translate("ShortlistsView", u"Saved shortlist", None))
        self.weightsBox.setTitle(QCoreApplication.translate("ShortlistsView", u"Weights", None))
        self.profileLabel.setText("")
        self.resetWeightsButton.setText(QCoreApplication.translate("ShortlistsView", u"Re&vert", None))
        self.saveWeightsButton.setText(QCoreApplication.translate("ShortlistsView", u"Save &weights", None))
        self.diversityBox.setTitle(QCoreApplication.translate("ShortlistsView", u"Diversity of the ticked candidates", None))
        self.diversityLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.rankTab), QCoreApplication.translate("ShortlistsView", u"Shortlist for a request", None))
        self.assignButton.setText(QCoreApplication.translate("ShortlistsView", u"&Find the best assignment", None))
        self.assignSummary.setText(QCoreApplication.translate("ShortlistsView", u"Fills every open request's positions with the highest total score; each candidate at most once.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.assignTab), QCoreApplication.translate("ShortlistsView", u"Assignment across open requests", None))
        pass
    # retranslateUi
