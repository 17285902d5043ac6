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
        <name>AgendaModel</name>
        <message>
            <source>No.</source>
            <translation>No.</translation>
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
            <source>Flags</source>
            <translation>Flags</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
    </context>
    <context>
        <name>AllianceListModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>Alliance</translation>
        </message>
        <message>
            <source>Scored</source>
            <translation>Scored</translation>
        </message>
        <message>
            <source>Scored %1</source>
            <translation>Scored %1</translation>
        </message>
    </context>
    <context>
        <name>AlphaModel</name>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Alpha</source>
            <translation>Alpha</translation>
        </message>
        <message>
            <source>Reading</source>
            <translation>Reading</translation>
        </message>
        <message>
            <source>Alliances</source>
            <translation>Alliances</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>First level</source>
            <translation>First level</translation>
        </message>
        <message>
            <source>Second level</source>
            <translation>Second level</translation>
        </message>
        <message>
            <source>Reliable (0.80 and above)</source>
            <translation>Reliable (0.80 and above)</translation>
        </message>
        <message>
            <source>Tentative (0.667-0.80)</source>
            <translation>Tentative (0.667-0.80)</translation>
        </message>
        <message>
            <source>Unreliable (below 0.667)</source>
            <translation>Unreliable (below 0.667)</translation>
        </message>
        <message>
            <source>Cannot be computed</source>
            <translation>Cannot be computed</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>%1 is being written by another program; waiting for it…</source>
            <translation>%1 is being written by another program; waiting for it…</translation>
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
        <name>AuditModel</name>
        <message>
            <source>Plenary decision</source>
            <translation>Plenary decision</translation>
        </message>
        <message>
            <source>Score file merged</source>
            <translation>Score file merged</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>Results published</source>
            <translation>Results published</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>Alliance</translation>
        </message>
        <message>
            <source>Score file</source>
            <translation>Score file</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>Scores</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>Results</translation>
        </message>
        <message>
            <source>Past results</source>
            <translation>Past results</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>{score}: {reason}</source>
            <translation>{score}: {reason}</translation>
        </message>
        <message>
            <source>{expert}, {round}, export {sequence}</source>
            <translation>{expert}, {round}, export {sequence}</translation>
        </message>
        <message>
            <source>, in {file}</source>
            <translation>, in {file}</translation>
        </message>
        <message>
            <source>, unsigned</source>
            <translation>, unsigned</translation>
        </message>
        <message>
            <source>{n} alliances</source>
            <translation>{n} alliances</translation>
        </message>
        <message>
            <source>{rows} rows from {source}</source>
            <translation>{rows} rows from {source}</translation>
        </message>
    </context>
    <context>
        <name>BackgroundRunner</name>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>BackupListModel</name>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Manual backup</source>
            <translation>Manual backup</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>Before a restore</translation>
        </message>
        <message>
            <source>Before a merge</source>
            <translation>Before a merge</translation>
        </message>
        <message>
            <source>Before a plenary decision</source>
            <translation>Before a plenary decision</translation>
        </message>
        <message>
            <source>Before publishing results</source>
            <translation>Before publishing results</translation>
        </message>
        <message>
            <source>Before importing the registry</source>
            <translation>Before importing the registry</translation>
        </message>
        <message>
            <source>Before importing submissions</source>
            <translation>Before importing submissions</translation>
        </message>
        <message>
            <source>Before importing the panel</source>
            <translation>Before importing the panel</translation>
        </message>
        <message>
            <source>Before importing past results</source>
            <translation>Before importing past results</translation>
        </message>
        <message>
            <source>Damaged workspace set aside</source>
            <translation>Damaged workspace set aside</translation>
        </message>
    </context>
    <context>
        <name>BackupsDialog</name>
        <message>
            <source>Backup and restore</source>
            <translation>Backup and restore</translation>
        </message>
        <message>
            <source>The product backs the workspace up before every import, merge and plenary decision. Backups are kept in %1.</source>
            <translation>The product backs the workspace up before every import, merge and plenary decision. Backups are kept in %1.</translation>
        </message>
        <message>
            <source>Reason (optional), e.g. before the plenary</source>
            <translation>Reason (optional), e.g. before the plenary</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <source>Restore selected backup…</source>
            <translation>Restore selected backup…</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>This workspace has no backups yet.</source>
            <translation>This workspace has no backups yet.</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>Not possible</source>
            <translation>Not possible</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Backing up…</translation>
        </message>
        <message>
            <source>Backed up to %1</source>
            <translation>Backed up to %1</translation>
        </message>
        <message>
            <source>Put the backup of %1 in place of the workspace?

The current state is backed up first, so this restore can itself be undone from this list.</source>
            <translation>Put the backup of %1 in place of the workspace?

The current state is backed up first, so this restore can itself be undone from this list.</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>Restoring the backup…</translation>
        </message>
        <message>
            <source>Restored the backup of %1; the state before the restore was backed up.</source>
            <translation>Restored the backup of %1; the state before the restore was backed up.</translation>
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
        <name>DifferencesModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>Alliance</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>Flags</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>Scores</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>Mean</translation>
        </message>
        <message>
            <source>Spread</source>
            <translation>Spread</translation>
        </message>
        <message>
            <source>Members' totals</source>
            <translation>Members' totals</translation>
        </message>
        <message>
            <source>* the highest and the lowest total are left out of the mean, as in the consensus</source>
            <translation>* the highest and the lowest total are left out of the mean, as in the consensus</translation>
        </message>
    </context>
    <context>
        <name>DropArea</name>
        <message>
            <source>Drop a workbook (.xlsx) or CSV files here</source>
            <translation>Drop a workbook (.xlsx) or CSV files here</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>Choose the file to import</source>
            <translation>Choose the file to import</translation>
        </message>
        <message>
            <source>Workbooks and CSV files (%1)</source>
            <translation>Workbooks and CSV files (%1)</translation>
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
        <message>
            <source>Cannot complete the operation</source>
            <translation>Cannot complete the operation</translation>
        </message>
    </context>
    <context>
        <name>EvidencePane</name>
        <message>
            <source>Nothing was submitted for this indicator.</source>
            <translation>Nothing was submitted for this indicator.</translation>
        </message>
    </context>
    <context>
        <name>ExpertPickModel</name>
        <message>
            <source>Expert</source>
            <translation>Expert</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Initial group review</source>
            <translation>Initial group review</translation>
        </message>
        <message>
            <source>Cross review</source>
            <translation>Cross review</translation>
        </message>
        <message>
            <source>%1 of %2 received</source>
            <translation>%1 of %2 received</translation>
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
        <name>FileResultModel</name>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>Expert</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>Round</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signed</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>Received at</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Reasons</translation>
        </message>
        <message>
            <source> (unsigned)</source>
            <translation> (unsigned)</translation>
        </message>
        <message>
            <source> (old-style signature)</source>
            <translation> (old-style signature)</translation>
        </message>
        <message>
            <source> (revoked key, accepted)</source>
            <translation> (revoked key, accepted)</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>This session</source>
            <translation>This session</translation>
        </message>
        <message>
            <source>Refused: the file could not be read as a score file.</source>
            <translation>Refused: the file could not be read as a score file.</translation>
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
        <name>GroupDifferencesView</name>
        <message>
            <source>%1 alliances scored completely by the members who sent; %2 with differences the plenary would discuss (F2 large spread, F3 lone dissenter, with the secretariat's thresholds).</source>
            <translation>%1 alliances scored completely by the members who sent; %2 with differences the plenary would discuss (F2 large spread, F3 lone dissenter, with the secretariat's thresholds).</translation>
        </message>
        <message>
            <source>Not sent yet: %1.</source>
            <translation>Not sent yet: %1.</translation>
        </message>
        <message>
            <source>%1 alliances are not yet scored completely by a member and are left out.</source>
            <translation>%1 alliances are not yet scored completely by a member and are left out.</translation>
        </message>
        <message>
            <source>No member's file is in yet.</source>
            <translation>No member's file is in yet.</translation>
        </message>
        <message>
            <source>%1: no flag on the group's scores.</source>
            <translation>%1: no flag on the group's scores.</translation>
        </message>
    </context>
    <context>
        <name>GroupWindow</name>
        <message>
            <source>Group leader's merge — %1 — %2 — %3</source>
            <translation>Group leader's merge — %1 — %2 — %3</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</translation>
        </message>
        <message>
            <source>Group package: %1</source>
            <translation>Group package: %1</translation>
        </message>
        <message>
            <source>Generate group file…</source>
            <translation>Generate group file…</translation>
        </message>
        <message>
            <source>Add score files…</source>
            <translation>Add score files…</translation>
        </message>
        <message>
            <source>Add a folder…</source>
            <translation>Add a folder…</translation>
        </message>
        <message>
            <source>Drop the members' score files (.xlsx) or folders here</source>
            <translation>Drop the members' score files (.xlsx) or folders here</translation>
        </message>
        <message>
            <source>Accept unsigned files</source>
            <translation>Accept unsigned files</translation>
        </message>
        <message>
            <source>Files merged in this session</source>
            <translation>Files merged in this session</translation>
        </message>
        <message>
            <source>Files received</source>
            <translation>Files received</translation>
        </message>
        <message>
            <source>Group differences</source>
            <translation>Group differences</translation>
        </message>
        <message>
            <source>Members' files are kept unaltered; the secretariat verifies each member's signature again.</source>
            <translation>Members' files are kept unaltered; the secretariat verifies each member's signature again.</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>Add score &amp;files…</source>
            <translation>Add score &amp;files…</translation>
        </message>
        <message>
            <source>Add a f&amp;older…</source>
            <translation>Add a f&amp;older…</translation>
        </message>
        <message>
            <source>&amp;Generate group file…</source>
            <translation>&amp;Generate group file…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Members: %1, sent %2, not sent %3</source>
            <translation>Members: %1, sent %2, not sent %3</translation>
        </message>
        <message>
            <source>Add the score files the members sent you. Each is checked against the member's key and assigned alliances before it is kept.</source>
            <translation>Add the score files the members sent you. Each is checked against the member's key and assigned alliances before it is kept.</translation>
        </message>
        <message>
            <source>Unsigned files</source>
            <translation>Unsigned files</translation>
        </message>
        <message>
            <source>Unsigned files cannot be proved to come from the member. Accept them only when you received them in person. The secretariat may still refuse them. Accept unsigned files?</source>
            <translation>Unsigned files cannot be proved to come from the member. Accept them only when you received them in person. The secretariat may still refuse them. Accept unsigned files?</translation>
        </message>
        <message>
            <source>Members' score files</source>
            <translation>Members' score files</translation>
        </message>
        <message>
            <source>Score files (*.xlsx)</source>
            <translation>Score files (*.xlsx)</translation>
        </message>
        <message>
            <source>Folder of score files</source>
            <translation>Folder of score files</translation>
        </message>
        <message>
            <source>Checking the members' score files…</source>
            <translation>Checking the members' score files…</translation>
        </message>
        <message>
            <source>%1 accepted, %2 rejected, %3 already in the group package.</source>
            <translation>%1 accepted, %2 rejected, %3 already in the group package.</translation>
        </message>
        <message>
            <source>Cancelled: nothing was added.</source>
            <translation>Cancelled: nothing was added.</translation>
        </message>
        <message>
            <source>Members have not sent</source>
            <translation>Members have not sent</translation>
        </message>
        <message>
            <source>%1 of %2 members have not sent their score file: %3. The group file will not carry their scores. Generate it anyway?</source>
            <translation>%1 of %2 members have not sent their score file: %3. The group file will not carry their scores. Generate it anyway?</translation>
        </message>
        <message>
            <source>Group file</source>
            <translation>Group file</translation>
        </message>
        <message>
            <source>Group files (*.evgroup)</source>
            <translation>Group files (*.evgroup)</translation>
        </message>
        <message>
            <source>Group file written</source>
            <translation>Group file written</translation>
        </message>
        <message>
            <source>No group file written</source>
            <translation>No group file written</translation>
        </message>
        <message>
            <source>Group file written to %1. It carries the score files of %2 members (%3). Send this one file to the secretariat.</source>
            <translation>Group file written to %1. It carries the score files of %2 members (%3). Send this one file to the secretariat.</translation>
        </message>
    </context>
    <context>
        <name>GuideWindow</name>
        <message>
            <source>User guide</source>
            <translation>User guide</translation>
        </message>
    </context>
    <context>
        <name>HeatmapModel</name>
        <message>
            <source>Mean</source>
            <translation>Mean</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>HistoryYears</name>
        <message>
            <source>Past years' published results decide the A-level honour (high activity three years running) and the stalled alliances (in no year's results for three years). Import each earlier year from its published annex 2: a sheet or CSV file with the columns 联盟代码, 联盟名称, 评分 and 活跃度 (the score may be empty for inactive alliances).</source>
            <translation>Past years' published results decide the A-level honour (high activity three years running) and the stalled alliances (in no year's results for three years). Import each earlier year from its published annex 2: a sheet or CSV file with the columns 联盟代码, 联盟名称, 评分 and 活跃度 (the score may be empty for inactive alliances).</translation>
        </message>
        <message>
            <source>Import a year's results…</source>
            <translation>Import a year's results…</translation>
        </message>
        <message>
            <source>Evaluated in this workspace; published by %1, %2</source>
            <translation>Evaluated in this workspace; published by %1, %2</translation>
        </message>
        <message>
            <source>Evaluated in this workspace; not yet published</source>
            <translation>Evaluated in this workspace; not yet published</translation>
        </message>
        <message>
            <source>Evaluated in this workspace; no scores yet</source>
            <translation>Evaluated in this workspace; no scores yet</translation>
        </message>
        <message>
            <source>%1 (imported by %2, %3)</source>
            <translation>%1 (imported by %2, %3)</translation>
        </message>
        <message>
            <source>%1; also imported: %2</source>
            <translation>%1; also imported: %2</translation>
        </message>
        <message>
            <source>Import a year's results</source>
            <translation>Import a year's results</translation>
        </message>
        <message>
            <source>Results (*.xlsx *.csv)</source>
            <translation>Results (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>Which year are these results of?</source>
            <translation>Which year are these results of?</translation>
        </message>
        <message>
            <source>Importing the %1 results…</source>
            <translation>Importing the %1 results…</translation>
        </message>
        <message>
            <source>Nothing was imported from %1:</source>
            <translation>Nothing was imported from %1:</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import alliance registry</source>
            <translation>Import alliance registry</translation>
        </message>
        <message>
            <source>Import submissions</source>
            <translation>Import submissions</translation>
        </message>
        <message>
            <source>Registry columns: 联盟代码, 联盟名称, optional 批次 and 曾用名.</source>
            <translation>Registry columns: 联盟代码, 联盟名称, optional 批次 and 曾用名.</translation>
        </message>
        <message>
            <source>A workbook with sheets 基本信息 and 活动记录, or the two as CSV files. The whole file is checked first; a file with errors changes nothing.</source>
            <translation>A workbook with sheets 基本信息 and 活动记录, or the two as CSV files. The whole file is checked first; a file with errors changes nothing.</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>No file chosen</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Save report…</source>
            <translation>Save report…</translation>
        </message>
        <message>
            <source>Checking the file…</source>
            <translation>Checking the file…</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>Cancelled; nothing was changed.</translation>
        </message>
        <message>
            <source>%1 warnings, listed below.</source>
            <translation>%1 warnings, listed below.</translation>
        </message>
        <message>
            <source>The file was not imported: %1 errors and %2 warnings, listed below. Nothing was changed; correct the file and import it again.</source>
            <translation>The file was not imported: %1 errors and %2 warnings, listed below. Nothing was changed; correct the file and import it again.</translation>
        </message>
        <message>
            <source>Save the report</source>
            <translation>Save the report</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
            <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>IndicatorModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>Max</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Plenary decision</source>
            <translation>Plenary decision</translation>
        </message>
        <message>
            <source>Consensus score</source>
            <translation>Consensus score</translation>
        </message>
        <message>
            <source>Published results</source>
            <translation>Published results</translation>
        </message>
        <message>
            <source>Historical results</source>
            <translation>Historical results</translation>
        </message>
        <message>
            <source>Published (plenary decision)</source>
            <translation>Published (plenary decision)</translation>
        </message>
        <message>
            <source>Published (consensus score)</source>
            <translation>Published (consensus score)</translation>
        </message>
        <message>
            <source>Band boundary</source>
            <translation>Band boundary</translation>
        </message>
        <message>
            <source>Large spread</source>
            <translation>Large spread</translation>
        </message>
        <message>
            <source>Lone dissenter</source>
            <translation>Lone dissenter</translation>
        </message>
        <message>
            <source>Group versus group</source>
            <translation>Group versus group</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <source>Superseded</source>
            <translation>Superseded</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>Already merged</source>
            <translation>Already merged</translation>
        </message>
        <message>
            <source>Partial</source>
            <translation>Partial</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Missing</translation>
        </message>
    </context>
    <context>
        <name>LeniencyModel</name>
        <message>
            <source>Expert</source>
            <translation>Expert</translation>
        </message>
        <message>
            <source>Scored</source>
            <translation>Scored</translation>
        </message>
        <message>
            <source>Leniency</source>
            <translation>Leniency</translation>
        </message>
        <message>
            <source>Std. error</source>
            <translation>Std. error</translation>
        </message>
        <message>
            <source>Consistency</source>
            <translation>Consistency</translation>
        </message>
        <message>
            <source>Correlation</source>
            <translation>Correlation</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>Flag</translation>
        </message>
        <message>
            <source>Lenient</source>
            <translation>Lenient</translation>
        </message>
        <message>
            <source>Harsh</source>
            <translation>Harsh</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Building the demo workspace…</source>
            <translation>Building the demo workspace…</translation>
        </message>
        <message>
            <source>Demo workspace</source>
            <translation>Demo workspace</translation>
        </message>
        <message>
            <source>&amp;Undo “%1”</source>
            <translation>&amp;Undo “%1”</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo “%1”</source>
            <translation>&amp;Redo “%1”</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
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
            <source>&amp;Import submissions…</source>
            <translation>&amp;Import submissions…</translation>
        </message>
        <message>
            <source>&amp;Merge score files…</source>
            <translation>&amp;Merge score files…</translation>
        </message>
        <message>
            <source>&amp;Export results workbook…</source>
            <translation>&amp;Export results workbook…</translation>
        </message>
        <message>
            <source>Generate &amp;report draft…</source>
            <translation>Generate &amp;report draft…</translation>
        </message>
        <message>
            <source>&amp;Backup and restore…</source>
            <translation>&amp;Backup and restore…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>Re&amp;fresh</translation>
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
            <source>User &amp;guide</source>
            <translation>User &amp;guide</translation>
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
            <source>Refreshed from the workspace.</source>
            <translation>Refreshed from the workspace.</translation>
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
            <source>its folder cannot be written</source>
            <translation>its folder cannot be written</translation>
        </message>
        <message>
            <source>the file is read-only</source>
            <translation>the file is read-only</translation>
        </message>
        <message>
            <source>Read-only: %1 (%2). You can view and export; to change it, copy it to a writable folder or clear the file's read-only attribute.</source>
            <translation>Read-only: %1 (%2). You can view and export; to change it, copy it to a writable folder or clear the file's read-only attribute.</translation>
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
            <source>Workspace: %1 · Year %2 · Working: %3</source>
            <translation>Workspace: %1 · Year %2 · Working: %3</translation>
        </message>
        <message>
            <source>Cannot open the workspace</source>
            <translation>Cannot open the workspace</translation>
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
        <message>
            <source>Backup and restore</source>
            <translation>Backup and restore</translation>
        </message>
        <message>
            <source>Open a workspace first.</source>
            <translation>Open a workspace first.</translation>
        </message>
        <message>
            <source>No workspace</source>
            <translation>No workspace</translation>
        </message>
    </context>
    <context>
        <name>MembersModel</name>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Assigned alliances</source>
            <translation>Assigned alliances</translation>
        </message>
        <message>
            <source>Latest export</source>
            <translation>Latest export</translation>
        </message>
        <message>
            <source>File received</source>
            <translation>File received</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>Received at</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source> · leads this group</source>
            <translation> · leads this group</translation>
        </message>
        <message>
            <source>%1 alliances</source>
            <translation>%1 alliances</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Old-style signature (the first release's HMAC key): the secretariat accepts it only until the member is given a package of this version; then ask for a new export.</source>
            <translation>Old-style signature (the first release's HMAC key): the secretariat accepts it only until the member is given a package of this version; then ask for a new export.</translation>
        </message>
        <message>
            <source>Sent (old-style signature)</source>
            <translation>Sent (old-style signature)</translation>
        </message>
        <message>
            <source>Not sent</source>
            <translation>Not sent</translation>
        </message>
    </context>
    <context>
        <name>PackageRecordsModel</name>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
    </context>
    <context>
        <name>PackagesDialog</name>
        <message>
            <source>Expert packages</source>
            <translation>Expert packages</translation>
        </message>
        <message>
            <source>Initial round (分组初评)</source>
            <translation>Initial round (分组初评)</translation>
        </message>
        <message>
            <source>Cross-group review (交叉复评)</source>
            <translation>Cross-group review (交叉复评)</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Round:</source>
            <translation>Round:</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <source>Generate the group package for the leader</source>
            <translation>Generate the group package for the leader</translation>
        </message>
        <message>
            <source>Group:</source>
            <translation>Group:</translation>
        </message>
        <message>
            <source>One package per expert holds only that expert's assigned alliances, their submissions, the indicator system and a private signing key made for this package (the workspace keeps only its public key). Hand each expert his or her own file only: whoever holds it can sign as that expert.</source>
            <translation>One package per expert holds only that expert's assigned alliances, their submissions, the indicator system and a private signing key made for this package (the workspace keeps only its public key). Hand each expert his or her own file only: whoever holds it can sign as that expert.</translation>
        </message>
        <message>
            <source>A group leader collects the members' score files in the group package and sends you one group file. It holds the group's assignments and the members' public keys, which check the members' signatures but cannot make one. Generate it after the members' packages.</source>
            <translation>A group leader collects the members' score files in the group package and sends you one group file. It holds the group's assignments and the members' public keys, which check the members' signatures but cannot make one. Generate it after the members' packages.</translation>
        </message>
        <message>
            <source>Group package (for a group leader)</source>
            <translation>Group package (for a group leader)</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>Generate</translation>
        </message>
        <message>
            <source>Reason, such as: USB stick lost</source>
            <translation>Reason, such as: USB stick lost</translation>
        </message>
        <message>
            <source>Issue a new package</source>
            <translation>Issue a new package</translation>
        </message>
        <message>
            <source>Expert:</source>
            <translation>Expert:</translation>
        </message>
        <message>
            <source>The new package gets a new key; files signed with the lost package are then refused unless you accept them explicitly at the merge.</source>
            <translation>The new package gets a new key; files signed with the lost package are then refused unless you accept them explicitly at the merge.</translation>
        </message>
        <message>
            <source>A lost package (this round)</source>
            <translation>A lost package (this round)</translation>
        </message>
        <message>
            <source>Writing the new package…</source>
            <translation>Writing the new package…</translation>
        </message>
        <message>
            <source>New package written to %1; %2 key(s) of the lost package revoked. Give the new package to the expert in person.</source>
            <translation>New package written to %1; %2 key(s) of the lost package revoked. Give the new package to the expert in person.</translation>
        </message>
        <message>
            <source>The new package could not be written: %1</source>
            <translation>The new package could not be written: %1</translation>
        </message>
        <message>
            <source>Folder for the packages</source>
            <translation>Folder for the packages</translation>
        </message>
        <message>
            <source>Writing packages…</source>
            <translation>Writing packages…</translation>
        </message>
        <message>
            <source>Writing packages… %1</source>
            <translation>Writing packages… %1</translation>
        </message>
        <message>
            <source>Writing the group package…</source>
            <translation>Writing the group package…</translation>
        </message>
        <message>
            <source>Group package written to %1 (%2 members). Give it to the group leader; opening it shows the group leader's merge window.</source>
            <translation>Group package written to %1 (%2 members). Give it to the group leader; opening it shows the group leader's merge window.</translation>
        </message>
        <message>
            <source>The group package could not be written: %1</source>
            <translation>The group package could not be written: %1</translation>
        </message>
        <message>
            <source>%1 packages written to %2.</source>
            <translation>%1 packages written to %2.</translation>
        </message>
        <message>
            <source>No assignment in this round: %1</source>
            <translation>No assignment in this round: %1</translation>
        </message>
        <message>
            <source>Cancelled. Packages already written stay in the folder.</source>
            <translation>Cancelled. Packages already written stay in the folder.</translation>
        </message>
    </context>
    <context>
        <name>PanelCommands</name>
        <message>
            <source>Move %1 to %2</source>
            <translation>Move %1 to %2</translation>
        </message>
        <message>
            <source>Take %1 out of the group</source>
            <translation>Take %1 out of the group</translation>
        </message>
        <message>
            <source>Make %1 group leader</source>
            <translation>Make %1 group leader</translation>
        </message>
        <message>
            <source>Declare conflict %1 – %2</source>
            <translation>Declare conflict %1 – %2</translation>
        </message>
        <message>
            <source>Remove conflict %1 – %2</source>
            <translation>Remove conflict %1 – %2</translation>
        </message>
        <message>
            <source>Assign %1 to %2</source>
            <translation>Assign %1 to %2</translation>
        </message>
        <message>
            <source>Withdraw %1 from %2</source>
            <translation>Withdraw %1 from %2</translation>
        </message>
    </context>
    <context>
        <name>ProblemTableModel</name>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
    </context>
    <context>
        <name>ProgressModel</name>
        <message>
            <source>Expert</source>
            <translation>Expert</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Latest export</source>
            <translation>Latest export</translation>
        </message>
        <message>
            <source>Still missing</source>
            <translation>Still missing</translation>
        </message>
    </context>
    <context>
        <name>PublishDialog</name>
        <message>
            <source>Publish results</source>
            <translation>Publish results</translation>
        </message>
        <message>
            <source>Publishing freezes the %1 results of %2 alliances; later score changes do not change them until you publish again. Published by: %3.</source>
            <translation>Publishing freezes the %1 results of %2 alliances; later score changes do not change them until you publish again. Published by: %3.</translation>
        </message>
        <message>
            <source>%1 plenary agenda items have no decision. Their published score will be the experts' consensus as it stands; items marked F1 sit on a band cut.</source>
            <translation>%1 plenary agenda items have no decision. Their published score will be the experts' consensus as it stands; items marked F1 sit on a band cut.</translation>
        </message>
        <message>
            <source>Publish with these %1 items undecided</source>
            <translation>Publish with these %1 items undecided</translation>
        </message>
        <message>
            <source>Publish</source>
            <translation>Publish</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>%1 %2: %3, consensus %4</source>
            <translation>%1 %2: %3, consensus %4</translation>
        </message>
    </context>
    <context>
        <name>QMainWindow</name>
        <message>
            <source>Cannot open the package</source>
            <translation>Cannot open the package</translation>
        </message>
        <message>
            <source>User guide</source>
            <translation>User guide</translation>
        </message>
        <message>
            <source>The user guide is not installed with this copy (%1 is missing).</source>
            <translation>The user guide is not installed with this copy (%1 is missing).</translation>
        </message>
    </context>
    <context>
        <name>RecordsModel</name>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <source>%1 %2 — no records</source>
            <translation>%1 %2 — no records</translation>
        </message>
        <message>
            <source>%1 %2 — %3 records</source>
            <translation>%1 %2 — %3 records</translation>
        </message>
    </context>
    <context>
        <name>RecordsView</name>
        <message>
            <source>Select an alliance to see what it submitted.</source>
            <translation>Select an alliance to see what it submitted.</translation>
        </message>
        <message>
            <source>No submission for %1.</source>
            <translation>No submission for %1.</translation>
        </message>
        <message>
            <source>Name as filed</source>
            <translation>Name as filed</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Filed on</source>
            <translation>Filed on</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>&amp;Save…</source>
            <translation>&amp;Save…</translation>
        </message>
        <message>
            <source>Save the report</source>
            <translation>Save the report</translation>
        </message>
        <message>
            <source>Text files (*.txt)</source>
            <translation>Text files (*.txt)</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>%1 could not be written: %2</source>
            <translation>%1 could not be written: %2</translation>
        </message>
    </context>
    <context>
        <name>ResultsModel</name>
        <message>
            <source>Rank</source>
            <translation>Rank</translation>
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
            <source>Batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>Band</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
    </context>
    <context>
        <name>ScoreEntry</name>
        <message>
            <source>Optional comment on this score</source>
            <translation>Optional comment on this score</translation>
        </message>
        <message>
            <source>Score by &amp;level (keys 1-3)</source>
            <translation>Score by &amp;level (keys 1-3)</translation>
        </message>
        <message>
            <source>Choose the description that fits instead of typing a number: full marks, partial (half the maximum) or zero</source>
            <translation>Choose the description that fits instead of typing a number: full marks, partial (half the maximum) or zero</translation>
        </message>
        <message>
            <source>&amp;Score:</source>
            <translation>&amp;Score:</translation>
        </message>
        <message>
            <source>&amp;Comment:</source>
            <translation>&amp;Comment:</translation>
        </message>
        <message>
            <source>Full marks</source>
            <translation>Full marks</translation>
        </message>
        <message>
            <source>Partial</source>
            <translation>Partial</translation>
        </message>
        <message>
            <source>Zero</source>
            <translation>Zero</translation>
        </message>
        <message>
            <source>%1 %2 (%3)</source>
            <translation>%1 %2 (%3)</translation>
        </message>
    </context>
    <context>
        <name>ScoreFilesModel</name>
        <message>
            <source>Expert</source>
            <translation>Expert</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>Round</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signed</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Via group file</source>
            <translation>Via group file</translation>
        </message>
        <message>
            <source>Unsigned</source>
            <translation>Unsigned</translation>
        </message>
    </context>
    <context>
        <name>ScoringPanel</name>
        <message>
            <source>Score %1 · %2</source>
            <translation>Score %1 · %2</translation>
        </message>
        <message>
            <source>Export score file…</source>
            <translation>Export score file…</translation>
        </message>
        <message>
            <source>initial round</source>
            <translation>initial round</translation>
        </message>
        <message>
            <source>cross-group review</source>
            <translation>cross-group review</translation>
        </message>
        <message>
            <source>%1 · %2 %3</source>
            <translation>%1 · %2 %3</translation>
        </message>
        <message>
            <source>0 to %1, in steps of %2</source>
            <translation>0 to %1, in steps of %2</translation>
        </message>
        <message>
            <source>Every score is saved as soon as it is entered.</source>
            <translation>Every score is saved as soon as it is entered.</translation>
        </message>
        <message>
            <source>Type a score and press Enter · Alt+C: comment · ↑/↓: indicators · PgUp/PgDn: alliances · Ctrl+Z: undo · Ctrl+E: export</source>
            <translation>Type a score and press Enter · Alt+C: comment · ↑/↓: indicators · PgUp/PgDn: alliances · Ctrl+Z: undo · Ctrl+E: export</translation>
        </message>
        <message>
            <source>Enter save · Alt+C comment · ↑↓ indicator · PgUp/PgDn alliance · Ctrl+Z undo · Ctrl+E export</source>
            <translation>Enter save · Alt+C comment · ↑↓ indicator · PgUp/PgDn alliance · Ctrl+Z undo · Ctrl+E export</translation>
        </message>
        <message>
            <source>&amp;Export score file…</source>
            <translation>&amp;Export score file…</translation>
        </message>
        <message>
            <source>Show the alliances' names</source>
            <translation>Show the alliances' names</translation>
        </message>
        <message>
            <source>Show only the alliances' codes</source>
            <translation>Show only the alliances' codes</translation>
        </message>
        <message>
            <source>Submitted for %1: %2 records</source>
            <translation>Submitted for %1: %2 records</translation>
        </message>
        <message>
            <source>Total %1 / %2 (%3) · %4 of %5 scored</source>
            <translation>Total %1 / %2 (%3) · %4 of %5 scored</translation>
        </message>
        <message>
            <source>not scored</source>
            <translation>not scored</translation>
        </message>
        <message>
            <source>%1 is not a valid score: 0 to %2 in steps of %3</source>
            <translation>%1 is not a valid score: 0 to %2 in steps of %3</translation>
        </message>
        <message>
            <source>A comment is saved with its score: type the score first.</source>
            <translation>A comment is saved with its score: type the score first.</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>Saved at %1</source>
            <translation>Saved at %1</translation>
        </message>
        <message>
            <source>Scores missing</source>
            <translation>Scores missing</translation>
        </message>
        <message>
            <source>%1 indicators are not scored yet (%2 alliances). Export a partial score file anyway?</source>
            <translation>%1 indicators are not scored yet (%2 alliances). Export a partial score file anyway?</translation>
        </message>
        <message>
            <source>Export score file</source>
            <translation>Export score file</translation>
        </message>
        <message>
            <source>Score files (*.xlsx)</source>
            <translation>Score files (*.xlsx)</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>Not exported</translation>
        </message>
        <message>
            <source>Score file written</source>
            <translation>Score file written</translation>
        </message>
        <message>
            <source>Score file %1 written (export number %2). Send this file to your group leader or the secretariat.</source>
            <translation>Score file %1 written (export number %2). Send this file to your group leader or the secretariat.</translation>
        </message>
    </context>
    <context>
        <name>ScoringWindow</name>
        <message>
            <source>Scoring — %1 — %2</source>
            <translation>Scoring — %1 — %2</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>Write an Excel &amp;template…</source>
            <translation>Write an Excel &amp;template…</translation>
        </message>
        <message>
            <source>&amp;Import a filled template…</source>
            <translation>&amp;Import a filled template…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>User &amp;guide</source>
            <translation>User &amp;guide</translation>
        </message>
        <message>
            <source>Checking the filled template…</source>
            <translation>Checking the filled template…</translation>
        </message>
        <message>
            <source>Import a filled template</source>
            <translation>Import a filled template</translation>
        </message>
        <message>
            <source>%1 scores came in from the template; %2 of %3 indicators are now scored. Now export your signed score file and send it.</source>
            <translation>%1 scores came in from the template; %2 of %3 indicators are now scored. Now export your signed score file and send it.</translation>
        </message>
        <message>
            <source>Export score file…</source>
            <translation>Export score file…</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Later</translation>
        </message>
        <message>
            <source>Score not saved</source>
            <translation>Score not saved</translation>
        </message>
        <message>
            <source>Close without saving this value?</source>
            <translation>Close without saving this value?</translation>
        </message>
        <message>
            <source>Excel template</source>
            <translation>Excel template</translation>
        </message>
        <message>
            <source>Workbooks (*.xlsx)</source>
            <translation>Workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>Filled template</source>
            <translation>Filled template</translation>
        </message>
        <message>
            <source>Not imported; nothing was changed</source>
            <translation>Not imported; nothing was changed</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Imported</translation>
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
            <source>%1 in the programme (%2; change in Settings)</source>
            <translation>%1 in the programme (%2; change in Settings)</translation>
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
            <source>Importing the panel…</source>
            <translation>Importing the panel…</translation>
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
            <source>Assigning %1…</source>
            <translation>Assigning %1…</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>Cancelled; nothing was changed.</translation>
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
        <message>
            <source>Scores by expert</source>
            <translation>Scores by expert</translation>
        </message>
        <message>
            <source>Records for disputed indicators</source>
            <translation>Records for disputed indicators</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>Comments</translation>
        </message>
        <message>
            <source>Accept the consensus</source>
            <translation>Accept the consensus</translation>
        </message>
        <message>
            <source>Set the final score</source>
            <translation>Set the final score</translation>
        </message>
        <message>
            <source>Reason (required)</source>
            <translation>Reason (required)</translation>
        </message>
        <message>
            <source>Chair</source>
            <translation>Chair</translation>
        </message>
        <message>
            <source>Who chairs the plenary; recorded on the decision</source>
            <translation>Who chairs the plenary; recorded on the decision</translation>
        </message>
        <message>
            <source>Record decision</source>
            <translation>Record decision</translation>
        </message>
        <message>
            <source>Chair:</source>
            <translation>Chair:</translation>
        </message>
        <message>
            <source>Leave projector mode</source>
            <translation>Leave projector mode</translation>
        </message>
        <message>
            <source>Projector mode</source>
            <translation>Projector mode</translation>
        </message>
        <message>
            <source>Projector mode (F11): full screen, without the navigation, the menus and the status line, so the heat map gets the room</source>
            <translation>Projector mode (F11): full screen, without the navigation, the menus and the status line, so the heat map gets the room</translation>
        </message>
        <message>
            <source>Plenary</source>
            <translation>Plenary</translation>
        </message>
        <message numerus="yes">
            <source>Agenda: %n alliance(s)</source>
            <translation>
                <numerusform>Agenda: %n alliance(s)</numerusform>
                <numerusform>Agenda: %n alliance(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>No differences for the plenary.</source>
            <translation>No differences for the plenary.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Consensus %1 (%2)  Median %3  Range %4-%5  n = %6%7</source>
            <translation>Consensus %1 (%2)  Median %3  Range %4-%5  n = %6%7</translation>
        </message>
        <message>
            <source>, trimmed</source>
            <translation>, trimmed</translation>
        </message>
        <message>
            <source>Leniency-adjusted (for information): %1</source>
            <translation>Leniency-adjusted (for information): %1</translation>
        </message>
        <message>
            <source>No comments.</source>
            <translation>No comments.</translation>
        </message>
        <message>
            <source>No decision yet.</source>
            <translation>No decision yet.</translation>
        </message>
        <message>
            <source>Decided: %1 by %2 at %3 — %4</source>
            <translation>Decided: %1 by %2 at %3 — %4</translation>
        </message>
        <message>
            <source>Please give the reason for the decision.</source>
            <translation>Please give the reason for the decision.</translation>
        </message>
        <message>
            <source>Please enter who chairs the plenary.</source>
            <translation>Please enter who chairs the plenary.</translation>
        </message>
        <message>
            <source>Recording the decision…</source>
            <translation>Recording the decision…</translation>
        </message>
        <message>
            <source>Decision recorded. To change it, record a new decision for the same alliance; it supersedes this one.</source>
            <translation>Decision recorded. To change it, record a new decision for the same alliance; it supersedes this one.</translation>
        </message>
        <message>
            <source>Import registry…</source>
            <translation>Import registry…</translation>
        </message>
        <message>
            <source>Import submissions…</source>
            <translation>Import submissions…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>Write template…</source>
            <translation>Write template…</translation>
        </message>
        <message>
            <source>All alliances</source>
            <translation>All alliances</translation>
        </message>
        <message>
            <source>Eligible</source>
            <translation>Eligible</translation>
        </message>
        <message>
            <source>Not eligible</source>
            <translation>Not eligible</translation>
        </message>
        <message>
            <source>Not submitted</source>
            <translation>Not submitted</translation>
        </message>
        <message>
            <source>Export results workbook</source>
            <translation>Export results workbook</translation>
        </message>
        <message>
            <source>Generate report draft</source>
            <translation>Generate report draft</translation>
        </message>
        <message>
            <source>Show inactive alliances' scores</source>
            <translation>Show inactive alliances' scores</translation>
        </message>
        <message>
            <source>Where the score comes from…</source>
            <translation>Where the score comes from…</translation>
        </message>
        <message>
            <source>How the selected alliance's score came about: the decision or the experts' scores, the score files and the audit log (double-click or Enter)</source>
            <translation>How the selected alliance's score came about: the decision or the experts' scores, the score files and the audit log (double-click or Enter)</translation>
        </message>
        <message>
            <source>All bands</source>
            <translation>All bands</translation>
        </message>
        <message>
            <source>Search code or name</source>
            <translation>Search code or name</translation>
        </message>
        <message>
            <source>Band:</source>
            <translation>Band:</translation>
        </message>
        <message>
            <source>Batch:</source>
            <translation>Batch:</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>Results</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
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
            <source>A-level alliances</source>
            <translation>A-level alliances</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>Stalled alliances</source>
            <translation>Stalled alliances</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>Band</translation>
        </message>
        <message>
            <source>% of participants</source>
            <translation>% of participants</translation>
        </message>
        <message>
            <source>% of all</source>
            <translation>% of all</translation>
        </message>
        <message>
            <source>% of band</source>
            <translation>% of band</translation>
        </message>
        <message>
            <source>% of batch</source>
            <translation>% of batch</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>Statistics</translation>
        </message>
        <message>
            <source>Past years</source>
            <translation>Past years</translation>
        </message>
        <message>
            <source>Computing the {year} results…</source>
            <translation>Computing the {year} results…</translation>
        </message>
        <message>
            <source>Cancelled; press F5 to compute the results.</source>
            <translation>Cancelled; press F5 to compute the results.</translation>
        </message>
        <message>
            <source>{year}: {n} alliances took part; {total} in the programme.</source>
            <translation>{year}: {n} alliances took part; {total} in the programme.</translation>
        </message>
        <message>
            <source>Published by {by} on {at}.</source>
            <translation>Published by {by} on {at}.</translation>
        </message>
        <message>
            <source>Not yet published: the scores as they stand now.</source>
            <translation>Not yet published: the scores as they stand now.</translation>
        </message>
        <message>
            <source>Imported past results (see Past years).</source>
            <translation>Imported past results (see Past years).</translation>
        </message>
        <message>
            <source>Select an alliance in the results first.</source>
            <translation>Select an alliance in the results first.</translation>
        </message>
        <message>
            <source>the A-level alliances</source>
            <translation>the A-level alliances</translation>
        </message>
        <message>
            <source>the stalled alliances</source>
            <translation>the stalled alliances</translation>
        </message>
        <message>
            <source>%1-%2: %3 alliances.</source>
            <translation>%1-%2: %3 alliances.</translation>
        </message>
        <message>
            <source>High and fairly high</source>
            <translation>High and fairly high</translation>
        </message>
        <message>
            <source>All participants</source>
            <translation>All participants</translation>
        </message>
        <message>
            <source>Bands by batch</source>
            <translation>Bands by batch</translation>
        </message>
        <message>
            <source>Score distribution</source>
            <translation>Score distribution</translation>
        </message>
        <message>
            <source>Activities carried out, by band</source>
            <translation>Activities carried out, by band</translation>
        </message>
        <message>
            <source>Checking what would be published…</source>
            <translation>Checking what would be published…</translation>
        </message>
        <message>
            <source>Cancelled; nothing was published.</source>
            <translation>Cancelled; nothing was published.</translation>
        </message>
        <message>
            <source>Publishing the {year} results…</source>
            <translation>Publishing the {year} results…</translation>
        </message>
        <message>
            <source>Published {n} results.</source>
            <translation>Published {n} results.</translation>
        </message>
        <message>
            <source>Writing the results workbook…</source>
            <translation>Writing the results workbook…</translation>
        </message>
        <message>
            <source>Word document (*.docx)</source>
            <translation>Word document (*.docx)</translation>
        </message>
        <message>
            <source>Writing the report draft…</source>
            <translation>Writing the report draft…</translation>
        </message>
        <message>
            <source>Written {path}</source>
            <translation>Written {path}</translation>
        </message>
        <message>
            <source>Cancelled; nothing was written.</source>
            <translation>Cancelled; nothing was written.</translation>
        </message>
        <message>
            <source>Submissions</source>
            <translation>Submissions</translation>
        </message>
        <message>
            <source>All batches</source>
            <translation>All batches</translation>
        </message>
        <message>
            <source>Showing %1 of %2 alliances · eligible %3 · not eligible %4 · not submitted %5</source>
            <translation>Showing %1 of %2 alliances · eligible %3 · not eligible %4 · not submitted %5</translation>
        </message>
        <message>
            <source>Export submissions</source>
            <translation>Export submissions</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Write template</source>
            <translation>Write template</translation>
        </message>
        <message>
            <source>Add score files…</source>
            <translation>Add score files…</translation>
        </message>
        <message>
            <source>Add a folder…</source>
            <translation>Add a folder…</translation>
        </message>
        <message>
            <source>Accept unsigned files (recorded in the log)</source>
            <translation>Accept unsigned files (recorded in the log)</translation>
        </message>
        <message>
            <source>Accept files signed with revoked keys (recorded in the log)</source>
            <translation>Accept files signed with revoked keys (recorded in the log)</translation>
        </message>
        <message>
            <source>Or drop score files or folders here.</source>
            <translation>Or drop score files or folders here.</translation>
        </message>
        <message>
            <source>Round:</source>
            <translation>Round:</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Files</translation>
        </message>
        <message>
            <source>Who has sent what</source>
            <translation>Who has sent what</translation>
        </message>
        <message>
            <source>Differences (plenary agenda)</source>
            <translation>Differences (plenary agenda)</translation>
        </message>
        <message>
            <source>Merge and flags</source>
            <translation>Merge and flags</translation>
        </message>
        <message>
            <source>%1 score files received so far, %2 of them in use.</source>
            <translation>%1 score files received so far, %2 of them in use.</translation>
        </message>
        <message>
            <source>Unsigned files</source>
            <translation>Unsigned files</translation>
        </message>
        <message>
            <source>Unsigned files cannot be proved to come from the expert. Accept them only when you received them in person. Each is marked unsigned in the log. Accept unsigned files?</source>
            <translation>Unsigned files cannot be proved to come from the expert. Accept them only when you received them in person. Each is marked unsigned in the log. Accept unsigned files?</translation>
        </message>
        <message>
            <source>Revoked keys</source>
            <translation>Revoked keys</translation>
        </message>
        <message>
            <source>A key is revoked when its package was declared lost and a new one issued (or, for old-style signatures, when the expert was given a package of this version). Whoever found the lost package can sign with it. Accept such files only when you are sure the expert sent them. Each is marked in the log. Accept them?</source>
            <translation>A key is revoked when its package was declared lost and a new one issued (or, for old-style signatures, when the expert was given a package of this version). Whoever found the lost package can sign with it. Accept such files only when you are sure the expert sent them. Each is marked in the log. Accept them?</translation>
        </message>
        <message>
            <source>Score files</source>
            <translation>Score files</translation>
        </message>
        <message>
            <source>Score files and group files (*.xlsx *.evgroup)</source>
            <translation>Score files and group files (*.xlsx *.evgroup)</translation>
        </message>
        <message>
            <source>Score files (*.xlsx)</source>
            <translation>Score files (*.xlsx)</translation>
        </message>
        <message>
            <source>Group files (*.evgroup)</source>
            <translation>Group files (*.evgroup)</translation>
        </message>
        <message>
            <source>Folder of score files</source>
            <translation>Folder of score files</translation>
        </message>
        <message>
            <source>Merging score files…</source>
            <translation>Merging score files…</translation>
        </message>
        <message>
            <source>%1 accepted, %2 rejected, %3 already merged.</source>
            <translation>%1 accepted, %2 rejected, %3 already merged.</translation>
        </message>
        <message>
            <source>Open for scoring</source>
            <translation>Open for scoring</translation>
        </message>
        <message>
            <source>Generate packages for all experts…</source>
            <translation>Generate packages for all experts…</translation>
        </message>
        <message>
            <source>Expert:</source>
            <translation>Expert:</translation>
        </message>
        <message>
            <source>Experts score in their own package (.evpkg) on their laptops and send back a signed score file. Here the secretariat can score on an expert's behalf; the package is kept in the application's data folder.</source>
            <translation>Experts score in their own package (.evpkg) on their laptops and send back a signed score file. Here the secretariat can score on an expert's behalf; the package is kept in the application's data folder.</translation>
        </message>
        <message>
            <source>Back to the expert list</source>
            <translation>Back to the expert list</translation>
        </message>
        <message>
            <source>Scoring</source>
            <translation>Scoring</translation>
        </message>
        <message>
            <source>Cannot open the package</source>
            <translation>Cannot open the package</translation>
        </message>
        <message>
            <source>Shown for the panel's information; never applied to the scores. Alpha is Krippendorff's alpha (interval, with missing data). Leniency is the mean difference from the other experts on the same alliances.</source>
            <translation>Shown for the panel's information; never applied to the scores. Alpha is Krippendorff's alpha (interval, with missing data). Leniency is the mean difference from the other experts on the same alliances.</translation>
        </message>
        <message>
            <source>Leniency per expert (points)</source>
            <translation>Leniency per expert (points)</translation>
        </message>
        <message>
            <source>Agreement (alpha)</source>
            <translation>Agreement (alpha)</translation>
        </message>
        <message>
            <source>Leniency of experts</source>
            <translation>Leniency of experts</translation>
        </message>
        <message>
            <source>Panel quality</source>
            <translation>Panel quality</translation>
        </message>
        <message>
            <source>Leniency</source>
            <translation>Leniency</translation>
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
            <source>Who is working (recorded with every change)</source>
            <translation>Who is working (recorded with every change)</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Alliances in the programme, %1 (the shares of "all alliances" and of each batch)</source>
            <translation>Alliances in the programme, %1 (the shares of "all alliances" and of each batch)</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Source: %1</translation>
        </message>
        <message>
            <source>All alliances in the programme: %1</source>
            <translation>All alliances in the programme: %1</translation>
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
            <source>the evaluation's scoring method</source>
            <translation>the evaluation's scoring method</translation>
        </message>
        <message>
            <source>default of this software</source>
            <translation>default of this software</translation>
        </message>
    </context>
    <context>
        <name>SubmissionsModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>Alliance</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>Ind. %1</source>
            <translation>Ind. %1</translation>
        </message>
        <message>
            <source>Eligibility</source>
            <translation>Eligibility</translation>
        </message>
        <message>
            <source>Records under %1</source>
            <translation>Records under %1</translation>
        </message>
    </context>
    <context>
        <name>TotalsModel</name>
        <message>
            <source>Expert</source>
            <translation>Expert</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>Round</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>In the mean</source>
            <translation>In the mean</translation>
        </message>
        <message>
            <source>Dropped (highest)</source>
            <translation>Dropped (highest)</translation>
        </message>
        <message>
            <source>Dropped (lowest)</source>
            <translation>Dropped (lowest)</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
    </context>
    <context>
        <name>TraceDialog</name>
        <message>
            <source>Where the score comes from — {code}</source>
            <translation>Where the score comes from — {code}</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>Comments</translation>
        </message>
        <message>
            <source>How the score came about</source>
            <translation>How the score came about</translation>
        </message>
        <message>
            <source>Indicator scores</source>
            <translation>Indicator scores</translation>
        </message>
        <message>
            <source>Score files and comments</source>
            <translation>Score files and comments</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>There is no result for this alliance in {year}.</source>
            <translation>There is no result for this alliance in {year}.</translation>
        </message>
        <message>
            <source>There are no complete expert scores for this alliance.</source>
            <translation>There are no complete expert scores for this alliance.</translation>
        </message>
        <message>
            <source>Rounded half up: {value} → {score} ({band}).</source>
            <translation>Rounded half up: {value} → {score} ({band}).</translation>
        </message>
        <message>
            <source>The score is the published figure of the {year} results imported into this workspace; nobody scored this year here.</source>
            <translation>The score is the published figure of the {year} results imported into this workspace; nobody scored this year here.</translation>
        </message>
        <message>
            <source>Published band: {band}; the score of an inactive alliance was not published.</source>
            <translation>Published band: {band}; the score of an inactive alliance was not published.</translation>
        </message>
        <message>
            <source>Published as: {code} {name}.</source>
            <translation>Published as: {code} {name}.</translation>
        </message>
        <message>
            <source>Imported from {source} on {at} by {actor}.</source>
            <translation>Imported from {source} on {at} by {actor}.</translation>
        </message>
        <message>
            <source>Recorded on {at}.</source>
            <translation>Recorded on {at}.</translation>
        </message>
        <message>
            <source>The results of {year} were published on {at} by {actor}; the published score is frozen. How it was computed:</source>
            <translation>The results of {year} were published on {at} by {actor}; the published score is frozen. How it was computed:</translation>
        </message>
        <message>
            <source>The scores have changed since: computed now, the score would be {live}. Publish again to update it.</source>
            <translation>The scores have changed since: computed now, the score would be {live}. Publish again to update it.</translation>
        </message>
        <message>
            <source>the plenary accepted the consensus, {score}</source>
            <translation>the plenary accepted the consensus, {score}</translation>
        </message>
        <message>
            <source>the plenary set the final score to {score}</source>
            <translation>the plenary set the final score to {score}</translation>
        </message>
        <message>
            <source>Plenary decision: {what}. Reason: {reason}. Decided by {actor} on {at}.</source>
            <translation>Plenary decision: {what}. Reason: {reason}. Decided by {actor} on {at}.</translation>
        </message>
        <message>
            <source>The consensus before the decision was {value}.</source>
            <translation>The consensus before the decision was {value}.</translation>
        </message>
        <message>
            <source>Superseded earlier decision: {score} by {actor} on {at} ({reason}).</source>
            <translation>Superseded earlier decision: {score} by {actor} on {at} ({reason}).</translation>
        </message>
        <message>
            <source>For reference, the experts' consensus:</source>
            <translation>For reference, the experts' consensus:</translation>
        </message>
        <message>
            <source>{expert}, {round}</source>
            <translation>{expert}, {round}</translation>
        </message>
        <message>
            <source>Consensus of {n} expert totals ({initial} initial, {review} review).</source>
            <translation>Consensus of {n} expert totals ({initial} initial, {review} review).</translation>
        </message>
        <message>
            <source>The highest total, {high} ({high_who}), and the lowest, {low} ({low_who}), were dropped; the mean of the other {kept} is {mean}.</source>
            <translation>The highest total, {high} ({high_who}), and the lowest, {low} ({low_who}), were dropped; the mean of the other {kept} is {mean}.</translation>
        </message>
        <message>
            <source>With fewer than {trim_from} totals none is dropped: the mean of all {n} is {mean}.</source>
            <translation>With fewer than {trim_from} totals none is dropped: the mean of all {n} is {mean}.</translation>
        </message>
        <message>
            <source>; </source>
            <translation>; </translation>
        </message>
        <message>
            <source>{round} mean {mean}</source>
            <translation>{round} mean {mean}</translation>
        </message>
        <message>
            <source>Median {median}; lowest to highest {min}–{max}; {rounds}.</source>
            <translation>Median {median}; lowest to highest {min}–{max}; {rounds}.</translation>
        </message>
        <message>
            <source>Adjusted for the experts' leniency: {value} (for information only; not used).</source>
            <translation>Adjusted for the experts' leniency: {value} (for information only; not used).</translation>
        </message>
        <message>
            <source>{year}: published score {score}, {band} — {source}</source>
            <translation>{year}: published score {score}, {band} — {source}</translation>
        </message>
        <message>
            <source>{expert} ({round}) · {indicator}: {comment}</source>
            <translation>{expert} ({round}) · {indicator}: {comment}</translation>
        </message>
        <message>
            <source>No comments.</source>
            <translation>No comments.</translation>
        </message>
    </context>
    <context>
        <name>WorkingNameDialog</name>
        <message>
            <source>Who is working?</source>
            <translation>Who is working?</translation>
        </message>
        <message>
            <source>Your name is recorded with every change you make in this workspace (imports, plenary decisions, publication). The computer's login is not used.</source>
            <translation>Your name is recorded with every change you make in this workspace (imports, plenary decisions, publication). The computer's login is not used.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Later</translation>
        </message>
    </context>
    <context>
        <name>YearsModel</name>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Alliances</source>
            <translation>Alliances</translation>
        </message>
        <message>
            <source>Where the results come from</source>
            <translation>Where the results come from</translation>
        </message>
    </context>
</TS>
