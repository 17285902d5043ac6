<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About</source>
            <translation>About</translation>
        </message>
        <message>
            <source>Alliance Activity Evaluation</source>
            <translation>Alliance Activity Evaluation</translation>
        </message>
        <message>
            <source>Version %1</source>
            <translation>Version %1</translation>
        </message>
        <message>
            <source>Software for the expert panel of the yearly activity evaluation of industrial technology innovation strategic alliances: submissions, the expert panel and its assignments, the initial group scoring and the cross-group review, merging scores and flagging differences, the plenary review, scoring quality, and the published results.</source>
            <translation>Software for the expert panel of the yearly activity evaluation of industrial technology innovation strategic alliances: submissions, the expert panel and its assignments, the initial group scoring and the cross-group review, merging scores and flagging differences, the plenary review, scoring quality, and the published results.</translation>
        </message>
        <message>
            <source>Qt %1 · PySide6 %2</source>
            <translation>Qt %1 · PySide6 %2</translation>
        </message>
        <message>
            <source>Log file: %1</source>
            <translation>Log file: %1</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>AssignmentMatrixModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>Alliance</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Scorers</source>
            <translation>Scorers</translation>
        </message>
        <message>
            <source>%1 (%2): %3 alliances</source>
            <translation>%1 (%2): %3 alliances</translation>
        </message>
        <message>
            <source>no group</source>
            <translation>no group</translation>
        </message>
        <message>
            <source>COI</source>
            <translation>COI</translation>
        </message>
        <message>
            <source>Conflict of interest: %1</source>
            <translation>Conflict of interest: %1</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>Assigned</translation>
        </message>
    </context>
    <context>
        <name>ConflictTableModel</name>
        <message>
            <source>Expert</source>
            <translation>Expert</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>Alliance</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Own organisation</source>
            <translation>Own organisation</translation>
        </message>
        <message>
            <source>Declared</source>
            <translation>Declared</translation>
        </message>
    </context>
    <context>
        <name>DeclareConflictDialog</name>
        <message>
            <source>Declare a conflict of interest</source>
            <translation>Declare a conflict of interest</translation>
        </message>
        <message>
            <source>Why the expert must not score this alliance (required)</source>
            <translation>Why the expert must not score this alliance (required)</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>Expert</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>Alliance</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Something went wrong</source>
            <translation>Something went wrong</translation>
        </message>
        <message>
            <source>Your workspace is safe: every change is saved whole or not at all, so the change that failed was not written. You can keep working.</source>
            <translation>Your workspace is safe: every change is saved whole or not at all, so the change that failed was not written. You can keep working.</translation>
        </message>
        <message>
            <source>The details were written to the log file:</source>
            <translation>The details were written to the log file:</translation>
        </message>
        <message>
            <source>Show details</source>
            <translation>Show details</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>Copy details</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Hide details</source>
            <translation>Hide details</translation>
        </message>
        <message>
            <source>An unexpected error occurred. Please send the log file to the maintainers.</source>
            <translation>An unexpected error occurred. Please send the log file to the maintainers.</translation>
        </message>
    </context>
    <context>
        <name>ExpertTableModel</name>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Group leader</source>
            <translation>Group leader</translation>
        </message>
        <message>
            <source>Matched alliance</source>
            <translation>Matched alliance</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>(does not score)</source>
            <translation>(does not score)</translation>
        </message>
        <message>
            <source>The organisation matches no alliance in the registry</source>
            <translation>The organisation matches no alliance in the registry</translation>
        </message>
        <message>
            <source>Double-click to move the expert to another group</source>
            <translation>Double-click to move the expert to another group</translation>
        </message>
    </context>
    <context>
        <name>GroupDelegate</name>
        <message>
            <source>(no group)</source>
            <translation>(no group)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Building the demo workspace…</source>
            <translation>Building the demo workspace…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Demo workspace</source>
            <translation>Demo workspace</translation>
        </message>
        <message>
            <source>No recent workspaces</source>
            <translation>No recent workspaces</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Submissions</source>
            <translation>Submissions</translation>
        </message>
        <message>
            <source>Panel and assignments</source>
            <translation>Panel and assignments</translation>
        </message>
        <message>
            <source>Expert scoring</source>
            <translation>Expert scoring</translation>
        </message>
        <message>
            <source>Merge and differences</source>
            <translation>Merge and differences</translation>
        </message>
        <message>
            <source>Plenary review</source>
            <translation>Plenary review</translation>
        </message>
        <message>
            <source>Scoring quality</source>
            <translation>Scoring quality</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>Results</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;New workspace…</source>
            <translation>&amp;New workspace…</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Open…</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>Open &amp;recent</translation>
        </message>
        <message>
            <source>Open &amp;demo workspace</source>
            <translation>Open &amp;demo workspace</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;About</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>No workspace is open. Use File → Open… to open one, File → New workspace… to start a new evaluation, or File → Open demo workspace to look around.</source>
            <translation>No workspace is open. Use File → Open… to open one, File → New workspace… to start a new evaluation, or File → Open demo workspace to look around.</translation>
        </message>
        <message>
            <source>This screen could not be opened: %1</source>
            <translation>This screen could not be opened: %1</translation>
        </message>
        <message>
            <source>The details were written to the log file:</source>
            <translation>The details were written to the log file:</translation>
        </message>
        <message>
            <source>Alliance Activity Evaluation</source>
            <translation>Alliance Activity Evaluation</translation>
        </message>
        <message>
            <source>No workspace is open.</source>
            <translation>No workspace is open.</translation>
        </message>
        <message>
            <source>Workspace: %1 · Year %2</source>
            <translation>Workspace: %1 · Year %2</translation>
        </message>
        <message>
            <source>Cannot open the workspace</source>
            <translation>Cannot open the workspace</translation>
        </message>
        <message>
            <source>Scoring package</source>
            <translation>Scoring package</translation>
        </message>
        <message>
            <source>This build cannot open scoring packages yet.</source>
            <translation>This build cannot open scoring packages yet.</translation>
        </message>
        <message>
            <source>Open workspace</source>
            <translation>Open workspace</translation>
        </message>
        <message>
            <source>Evaluator workspaces (*.evdb);;Scoring packages (*.evpkg)</source>
            <translation>Evaluator workspaces (*.evdb);;Scoring packages (*.evpkg)</translation>
        </message>
        <message>
            <source>New workspace</source>
            <translation>New workspace</translation>
        </message>
        <message>
            <source>Evaluator workspaces (*.evdb)</source>
            <translation>Evaluator workspaces (*.evdb)</translation>
        </message>
        <message>
            <source>Evaluation year:</source>
            <translation>Evaluation year:</translation>
        </message>
        <message>
            <source>Cannot create the workspace</source>
            <translation>Cannot create the workspace</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>No workspace is open.</source>
            <translation>No workspace is open.</translation>
        </message>
        <message>
            <source>Alliances</source>
            <translation>Alliances</translation>
        </message>
        <message>
            <source>Expert panel and scoring</source>
            <translation>Expert panel and scoring</translation>
        </message>
        <message>
            <source>Alliances in the registry</source>
            <translation>Alliances in the registry</translation>
        </message>
        <message>
            <source>%1 in the programme</source>
            <translation>%1 in the programme</translation>
        </message>
        <message>
            <source>Submissions received</source>
            <translation>Submissions received</translation>
        </message>
        <message>
            <source>for %1</source>
            <translation>for %1</translation>
        </message>
        <message>
            <source>Eligible for evaluation</source>
            <translation>Eligible for evaluation</translation>
        </message>
        <message>
            <source>entered enough information</source>
            <translation>entered enough information</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>none yet</translation>
        </message>
        <message>
            <source>Years of published results</source>
            <translation>Years of published results</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>Experts</translation>
        </message>
        <message>
            <source>in %1 groups</source>
            <translation>in %1 groups</translation>
        </message>
        <message>
            <source>official size · %1 in the registry</source>
            <translation>official size · %1 in the registry</translation>
        </message>
        <message>
            <source>Initial round: score sheets received / assigned</source>
            <translation>Initial round: score sheets received / assigned</translation>
        </message>
        <message>
            <source>Review round: score sheets received / assigned</source>
            <translation>Review round: score sheets received / assigned</translation>
        </message>
        <message>
            <source>%1 sheets from %2 experts</source>
            <translation>%1 sheets from %2 experts</translation>
        </message>
        <message>
            <source>Plenary decisions</source>
            <translation>Plenary decisions</translation>
        </message>
        <message>
            <source>alliances settled in the plenary</source>
            <translation>alliances settled in the plenary</translation>
        </message>
        <message>
            <source>Stages of the year's work</source>
            <translation>Stages of the year's work</translation>
        </message>
        <message>
            <source>%1 of %2 assigned score sheets received</source>
            <translation>%1 of %2 assigned score sheets received</translation>
        </message>
        <message>
            <source>Initial group scoring</source>
            <translation>Initial group scoring</translation>
        </message>
        <message>
            <source>Cross-group review</source>
            <translation>Cross-group review</translation>
        </message>
        <message>
            <source>Plenary review</source>
            <translation>Plenary review</translation>
        </message>
        <message>
            <source>%1 decisions recorded</source>
            <translation>%1 decisions recorded</translation>
        </message>
        <message>
            <source>Publish results</source>
            <translation>Publish results</translation>
        </message>
        <message>
            <source>%1 results published</source>
            <translation>%1 results published</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Not done yet</source>
            <translation>Not done yet</translation>
        </message>
        <message>
            <source>Panel actions</source>
            <translation>Panel actions</translation>
        </message>
        <message>
            <source>Import panel…</source>
            <translation>Import panel…</translation>
        </message>
        <message>
            <source>Read a panel file with the columns 角色, 姓名, 单位, 职务 and optionally 分组</source>
            <translation>Read a panel file with the columns 角色, 姓名, 单位, 职务 and optionally 分组</translation>
        </message>
        <message>
            <source>New group…</source>
            <translation>New group…</translation>
        </message>
        <message>
            <source>Declare conflict…</source>
            <translation>Declare conflict…</translation>
        </message>
        <message>
            <source>Remove conflict</source>
            <translation>Remove conflict</translation>
        </message>
        <message>
            <source>Assign round…</source>
            <translation>Assign round…</translation>
        </message>
        <message>
            <source>Conflicts of interest</source>
            <translation>Conflicts of interest</translation>
        </message>
        <message>
            <source>The same seed gives the same assignment</source>
            <translation>The same seed gives the same assignment</translation>
        </message>
        <message>
            <source>Assign this round…</source>
            <translation>Assign this round…</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>Round</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>&lt;span style='background:%1'&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; assigned &amp;nbsp; &lt;span style='background:%2'&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; conflict of interest (COI) &amp;nbsp; Column headers: expert, group, number of alliances. Tick a cell to assign, untick to withdraw.</source>
            <translation>&lt;span style='background:%1'&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; assigned &amp;nbsp; &lt;span style='background:%2'&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; conflict of interest (COI) &amp;nbsp; Column headers: expert, group, number of alliances. Tick a cell to assign, untick to withdraw.</translation>
        </message>
        <message>
            <source>Experts and groups</source>
            <translation>Experts and groups</translation>
        </message>
        <message>
            <source>Assignment matrix</source>
            <translation>Assignment matrix</translation>
        </message>
        <message>
            <source>Panel and assignments</source>
            <translation>Panel and assignments</translation>
        </message>
        <message>
            <source>Not possible</source>
            <translation>Not possible</translation>
        </message>
        <message>
            <source>Please confirm</source>
            <translation>Please confirm</translation>
        </message>
        <message>
            <source>Form groups</source>
            <translation>Form groups</translation>
        </message>
        <message>
            <source>The experts are in no group yet. Into how many groups should the %1 scoring experts be split?</source>
            <translation>The experts are in no group yet. Into how many groups should the %1 scoring experts be split?</translation>
        </message>
        <message>
            <source>Import panel</source>
            <translation>Import panel</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
            <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
        </message>
        <message>
            <source>%1 added, %2 updated, %3 unchanged; %4 organisations matched an alliance and were recorded as conflicts of interest.</source>
            <translation>%1 added, %2 updated, %3 unchanged; %4 organisations matched an alliance and were recorded as conflicts of interest.</translation>
        </message>
        <message>
            <source>Panel imported</source>
            <translation>Panel imported</translation>
        </message>
        <message>
            <source>New group</source>
            <translation>New group</translation>
        </message>
        <message>
            <source>Group name</source>
            <translation>Group name</translation>
        </message>
        <message>
            <source>Remove the conflict of interest between %1 and alliance %2?</source>
            <translation>Remove the conflict of interest between %1 and alliance %2?</translation>
        </message>
        <message>
            <source>%1 already has %2 assignments. Replace them with a new assignment?</source>
            <translation>%1 already has %2 assignments. Replace them with a new assignment?</translation>
        </message>
        <message>
            <source>%1: %2 assignments in %3 groups</source>
            <translation>%1: %2 assignments in %3 groups</translation>
        </message>
        <message>
            <source>%1: %2 members, leader %3</source>
            <translation>%1: %2 members, leader %3</translation>
        </message>
        <message>
            <source>No groups yet: assign a round to form them, or add groups and move experts into them (double-click the group cell).</source>
            <translation>No groups yet: assign a round to form them, or add groups and move experts into them (double-click the group cell).</translation>
        </message>
        <message>
            <source>%1 alliances, %2 experts, %3 assignments</source>
            <translation>%1 alliances, %2 experts, %3 assignments</translation>
        </message>
        <message>
            <source>… and %1 more</source>
            <translation>… and %1 more</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Interface</source>
            <translation>Interface</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Language:</translation>
        </message>
        <message>
            <source>Open a workspace to see its method thresholds.</source>
            <translation>Open a workspace to see its method thresholds.</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Method thresholds (saved in this workspace)</source>
            <translation>Method thresholds (saved in this workspace)</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Setting</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Default: %1</source>
            <translation>Default: %1</translation>
        </message>
        <message>
            <source>2018 report</source>
            <translation>2018 report</translation>
        </message>
        <message>
            <source>scoring method (method.md)</source>
            <translation>scoring method (method.md)</translation>
        </message>
        <message>
            <source>product default (issue 3)</source>
            <translation>product default (issue 3)</translation>
        </message>
        <message>
            <source>product default</source>
            <translation>product default</translation>
        </message>
    </context>
</TS>
