<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <source>Alliance Activity Evaluation</source>
            <translation>联盟活跃度评审</translation>
        </message>
        <message>
            <source>Version %1</source>
            <translation>版本 %1</translation>
        </message>
        <message>
            <source>Software for the expert panel of the yearly activity evaluation of industrial technology innovation strategic alliances: submissions, the expert panel and its assignments, the initial group scoring and the cross-group review, merging scores and flagging differences, the plenary review, scoring quality, and the published results.</source>
            <translation>产业技术创新战略联盟年度活跃度评价的专家评审工具：参评材料、专家组与评审分工、分组初评与交叉复评、评分汇总与差异标记、复核会评、评分质量分析，以及评价结果发布。</translation>
        </message>
        <message>
            <source>Qt %1 · PySide6 %2</source>
            <translation>Qt %1 · PySide6 %2</translation>
        </message>
        <message>
            <source>Log file: %1</source>
            <translation>日志文件：%1</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>AssignmentMatrixModel</name>
        <message>
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alliance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scorers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2): %3 alliances</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>COI</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conflict of interest: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assigned</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConflictTableModel</name>
        <message>
            <source>Expert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alliance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Own organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Declared</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeclareConflictDialog</name>
        <message>
            <source>Declare a conflict of interest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why the expert must not score this alliance (required)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alliance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Something went wrong</source>
            <translation>出现错误</translation>
        </message>
        <message>
            <source>Your workspace is safe: every change is saved whole or not at all, so the change that failed was not written. You can keep working.</source>
            <translation>工作区数据是安全的：每次修改要么完整保存，要么完全不写入，出错的这次修改没有写入。您可以继续工作。</translation>
        </message>
        <message>
            <source>The details were written to the log file:</source>
            <translation>详细信息已写入日志文件：</translation>
        </message>
        <message>
            <source>Show details</source>
            <translation>显示详细信息</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Hide details</source>
            <translation>隐藏详细信息</translation>
        </message>
        <message>
            <source>An unexpected error occurred. Please send the log file to the maintainers.</source>
            <translation>程序发生了意外错误，请把日志文件发给维护人员。</translation>
        </message>
    </context>
    <context>
        <name>ExpertTableModel</name>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Group leader</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Matched alliance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conflicts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(does not score)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The organisation matches no alliance in the registry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double-click to move the expert to another group</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GroupDelegate</name>
        <message>
            <source>(no group)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Building the demo workspace…</source>
            <translation>正在生成演示工作区…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Demo workspace</source>
            <translation>演示工作区</translation>
        </message>
        <message>
            <source>No recent workspaces</source>
            <translation>没有最近打开的工作区</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <source>Submissions</source>
            <translation>参评材料</translation>
        </message>
        <message>
            <source>Panel and assignments</source>
            <translation>专家与分工</translation>
        </message>
        <message>
            <source>Expert scoring</source>
            <translation>专家评分</translation>
        </message>
        <message>
            <source>Merge and differences</source>
            <translation>汇总与差异</translation>
        </message>
        <message>
            <source>Plenary review</source>
            <translation>复核会评</translation>
        </message>
        <message>
            <source>Scoring quality</source>
            <translation>评分质量</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>评价结果</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New workspace…</source>
            <translation>新建工作区(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>Open &amp;demo workspace</source>
            <translation>打开演示工作区(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>关于(&amp;A)</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>No workspace is open. Use File → Open… to open one, File → New workspace… to start a new evaluation, or File → Open demo workspace to look around.</source>
            <translation>尚未打开工作区。可通过“文件 → 打开…”打开已有工作区，通过“文件 → 新建工作区…”开始新一年度的评价，或通过“文件 → 打开演示工作区”先看看。</translation>
        </message>
        <message>
            <source>This screen could not be opened: %1</source>
            <translation>无法打开此页面：%1</translation>
        </message>
        <message>
            <source>The details were written to the log file:</source>
            <translation>详细信息已写入日志文件：</translation>
        </message>
        <message>
            <source>Alliance Activity Evaluation</source>
            <translation>联盟活跃度评审</translation>
        </message>
        <message>
            <source>No workspace is open.</source>
            <translation>尚未打开工作区。</translation>
        </message>
        <message>
            <source>Workspace: %1 · Year %2</source>
            <translation>工作区：%1 · %2 年度</translation>
        </message>
        <message>
            <source>Cannot open the workspace</source>
            <translation>无法打开工作区</translation>
        </message>
        <message>
            <source>Scoring package</source>
            <translation>评分包</translation>
        </message>
        <message>
            <source>This build cannot open scoring packages yet.</source>
            <translation>此版本暂不能打开评分包。</translation>
        </message>
        <message>
            <source>Open workspace</source>
            <translation>打开工作区</translation>
        </message>
        <message>
            <source>Evaluator workspaces (*.evdb);;Scoring packages (*.evpkg)</source>
            <translation>评审工作区 (*.evdb);;评分包 (*.evpkg)</translation>
        </message>
        <message>
            <source>New workspace</source>
            <translation>新建工作区</translation>
        </message>
        <message>
            <source>Evaluator workspaces (*.evdb)</source>
            <translation>评审工作区 (*.evdb)</translation>
        </message>
        <message>
            <source>Evaluation year:</source>
            <translation>评价年度：</translation>
        </message>
        <message>
            <source>Cannot create the workspace</source>
            <translation>无法创建工作区</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <source>No workspace is open.</source>
            <translation>尚未打开工作区。</translation>
        </message>
        <message>
            <source>Alliances</source>
            <translation>参评联盟</translation>
        </message>
        <message>
            <source>Expert panel and scoring</source>
            <translation>专家组与评分</translation>
        </message>
        <message>
            <source>Alliances in the registry</source>
            <translation>联盟名录</translation>
        </message>
        <message>
            <source>%1 in the programme</source>
            <translation>试点联盟共 %1 家</translation>
        </message>
        <message>
            <source>Submissions received</source>
            <translation>已收到的参评材料</translation>
        </message>
        <message>
            <source>for %1</source>
            <translation>%1 年度</translation>
        </message>
        <message>
            <source>Eligible for evaluation</source>
            <translation>达到评价要求</translation>
        </message>
        <message>
            <source>entered enough information</source>
            <translation>录入信息达到评价要求</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>暂无</translation>
        </message>
        <message>
            <source>Years of published results</source>
            <translation>已有评价结果的年度</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <source>in %1 groups</source>
            <translation>分为 %1 个组</translation>
        </message>
        <message>
            <source>official size · %1 in the registry</source>
            <translation>官方数量 · 名录中 %1 家</translation>
        </message>
        <message>
            <source>Initial round: score sheets received / assigned</source>
            <translation>分组初评：已收评分表 / 应收</translation>
        </message>
        <message>
            <source>Review round: score sheets received / assigned</source>
            <translation>交叉复评：已收评分表 / 应收</translation>
        </message>
        <message>
            <source>%1 sheets from %2 experts</source>
            <translation>%2 位专家共交回 %1 份</translation>
        </message>
        <message>
            <source>Plenary decisions</source>
            <translation>会评决定</translation>
        </message>
        <message>
            <source>alliances settled in the plenary</source>
            <translation>复核会评中议定的联盟</translation>
        </message>
        <message>
            <source>Stages of the year's work</source>
            <translation>本年度评审进度</translation>
        </message>
        <message>
            <source>%1 of %2 assigned score sheets received</source>
            <translation>已收到 %1 / %2 份分配的评分表</translation>
        </message>
        <message>
            <source>Initial group scoring</source>
            <translation>分组初评</translation>
        </message>
        <message>
            <source>Cross-group review</source>
            <translation>集中交叉分组复评</translation>
        </message>
        <message>
            <source>Plenary review</source>
            <translation>复核会评</translation>
        </message>
        <message>
            <source>%1 decisions recorded</source>
            <translation>已记录 %1 项会评决定</translation>
        </message>
        <message>
            <source>Publish results</source>
            <translation>发布评价结果</translation>
        </message>
        <message>
            <source>%1 results published</source>
            <translation>已发布 %1 家联盟的评价结果</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Not done yet</source>
            <translation>尚未完成</translation>
        </message>
        <message>
            <source>Panel actions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import panel…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read a panel file with the columns 角色, 姓名, 单位, 职务 and optionally 分组</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New group…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Declare conflict…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove conflict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign round…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conflicts of interest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The same seed gives the same assignment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign this round…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Round</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Seed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;span style='background:%1'&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; assigned &amp;nbsp; &lt;span style='background:%2'&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; conflict of interest (COI) &amp;nbsp; Column headers: expert, group, number of alliances. Tick a cell to assign, untick to withdraw.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Experts and groups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assignment matrix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Panel and assignments</source>
            <translation>专家与分工</translation>
        </message>
        <message>
            <source>Not possible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please confirm</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Form groups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The experts are in no group yet. Into how many groups should the %1 scoring experts be split?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 added, %2 updated, %3 unchanged; %4 organisations matched an alliance and were recorded as conflicts of interest.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Panel imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Group name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the conflict of interest between %1 and alliance %2?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 already has %2 assignments. Replace them with a new assignment?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 assignments in %3 groups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 members, leader %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No groups yet: assign a round to form them, or add groups and move experts into them (double-click the group cell).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 alliances, %2 experts, %3 assignments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>… and %1 more</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Interface</source>
            <translation>界面</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <source>Open a workspace to see its method thresholds.</source>
            <translation>打开工作区后可查看其评价方法阈值。</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Method thresholds (saved in this workspace)</source>
            <translation>评价方法阈值（保存在本工作区中）</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>设置项</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>取值</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>Default: %1</source>
            <translation>默认值：%1</translation>
        </message>
        <message>
            <source>2018 report</source>
            <translation>2018 年度评价报告</translation>
        </message>
        <message>
            <source>scoring method (method.md)</source>
            <translation>评分方法（method.md）</translation>
        </message>
        <message>
            <source>product default (issue 3)</source>
            <translation>产品默认值（需求 3）</translation>
        </message>
        <message>
            <source>product default</source>
            <translation>产品默认值</translation>
        </message>
    </context>
</TS>
