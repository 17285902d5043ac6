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
        <name>AgendaModel</name>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>共识分</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>决定</translation>
        </message>
    </context>
    <context>
        <name>AllianceListModel</name>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <source>Scored</source>
            <translation>已评</translation>
        </message>
        <message>
            <source>Scored %1</source>
            <translation>已评 %1</translation>
        </message>
    </context>
    <context>
        <name>AlphaModel</name>
        <message>
            <source>Level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Alpha</source>
            <translation>α 系数</translation>
        </message>
        <message>
            <source>Reading</source>
            <translation>解读</translation>
        </message>
        <message>
            <source>Alliances</source>
            <translation>联盟数</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总分</translation>
        </message>
        <message>
            <source>First level</source>
            <translation>一级指标</translation>
        </message>
        <message>
            <source>Second level</source>
            <translation>二级指标</translation>
        </message>
        <message>
            <source>Reliable (0.80 and above)</source>
            <translation>可靠（0.80 及以上）</translation>
        </message>
        <message>
            <source>Tentative (0.667-0.80)</source>
            <translation>尚可，仅供参考（0.667–0.80）</translation>
        </message>
        <message>
            <source>Unreliable (below 0.667)</source>
            <translation>不可靠（低于 0.667）</translation>
        </message>
        <message>
            <source>Cannot be computed</source>
            <translation>无法计算</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>%1 is being written by another program; waiting for it…</source>
            <translation>%1 正被另一个程序写入，等待其完成…</translation>
        </message>
    </context>
    <context>
        <name>AssignmentMatrixModel</name>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>分组</translation>
        </message>
        <message>
            <source>Scorers</source>
            <translation>评分人数</translation>
        </message>
        <message>
            <source>%1 (%2): %3 alliances</source>
            <translation>%1（%2）：%3 家联盟</translation>
        </message>
        <message>
            <source>no group</source>
            <translation>未分组</translation>
        </message>
        <message>
            <source>COI</source>
            <translation>回避</translation>
        </message>
        <message>
            <source>Conflict of interest: %1</source>
            <translation>回避：%1</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>已分配</translation>
        </message>
    </context>
    <context>
        <name>AuditModel</name>
        <message>
            <source>Plenary decision</source>
            <translation>复核会评决定</translation>
        </message>
        <message>
            <source>Score file merged</source>
            <translation>汇总评分文件</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Results published</source>
            <translation>发布结果</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟</translation>
        </message>
        <message>
            <source>Score file</source>
            <translation>评分文件</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>评分</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>评价结果</translation>
        </message>
        <message>
            <source>Past results</source>
            <translation>历年结果</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>{score}: {reason}</source>
            <translation>{score}：{reason}</translation>
        </message>
        <message>
            <source>{expert}, {round}, export {sequence}</source>
            <translation>{expert}，{round}，第 {sequence} 次导出</translation>
        </message>
        <message>
            <source>, in {file}</source>
            <translation>，经由 {file}</translation>
        </message>
        <message>
            <source>, unsigned</source>
            <translation>，未签名</translation>
        </message>
        <message>
            <source>{n} alliances</source>
            <translation>{n} 家联盟</translation>
        </message>
        <message>
            <source>{rows} rows from {source}</source>
            <translation>{rows} 行，来自 {source}</translation>
        </message>
    </context>
    <context>
        <name>BackgroundRunner</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>BackupListModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Manual backup</source>
            <translation>手动备份</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>恢复备份之前</translation>
        </message>
        <message>
            <source>Before a merge</source>
            <translation>汇总评分之前</translation>
        </message>
        <message>
            <source>Before a plenary decision</source>
            <translation>会评决定之前</translation>
        </message>
        <message>
            <source>Before publishing results</source>
            <translation>发布结果之前</translation>
        </message>
        <message>
            <source>Before importing the registry</source>
            <translation>导入联盟名录之前</translation>
        </message>
        <message>
            <source>Before importing submissions</source>
            <translation>导入填报信息之前</translation>
        </message>
        <message>
            <source>Before importing the panel</source>
            <translation>导入专家名单之前</translation>
        </message>
        <message>
            <source>Before importing past results</source>
            <translation>导入往年结果之前</translation>
        </message>
        <message>
            <source>Damaged workspace set aside</source>
            <translation>损坏的工作区（已移出）</translation>
        </message>
    </context>
    <context>
        <name>BackupsDialog</name>
        <message>
            <source>Backup and restore</source>
            <translation>备份与恢复</translation>
        </message>
        <message>
            <source>The product backs the workspace up before every import, merge and plenary decision. Backups are kept in %1.</source>
            <translation>每次导入、汇总评分和会评决定之前，程序都会自动备份工作区。备份保存在 %1。</translation>
        </message>
        <message>
            <source>Reason (optional), e.g. before the plenary</source>
            <translation>备份原因（可不填），例如：会评前</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <source>Restore selected backup…</source>
            <translation>恢复所选备份…</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>This workspace has no backups yet.</source>
            <translation>该工作区还没有备份。</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>Not possible</source>
            <translation>无法执行</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>正在备份…</translation>
        </message>
        <message>
            <source>Backed up to %1</source>
            <translation>已备份到 %1</translation>
        </message>
        <message>
            <source>Put the backup of %1 in place of the workspace?

The current state is backed up first, so this restore can itself be undone from this list.</source>
            <translation>用 %1 的备份替换当前工作区吗？

恢复之前会先备份当前状态，因此这次恢复本身也可以在此列表中撤回。</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>正在恢复备份…</translation>
        </message>
        <message>
            <source>Restored the backup of %1; the state before the restore was backed up.</source>
            <translation>已恢复 %1 的备份；恢复前的状态已另行备份。</translation>
        </message>
    </context>
    <context>
        <name>ConflictTableModel</name>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Own organisation</source>
            <translation>本人所在单位</translation>
        </message>
        <message>
            <source>Declared</source>
            <translation>本人申报</translation>
        </message>
    </context>
    <context>
        <name>DeclareConflictDialog</name>
        <message>
            <source>Declare a conflict of interest</source>
            <translation>申报回避</translation>
        </message>
        <message>
            <source>Why the expert must not score this alliance (required)</source>
            <translation>该专家不宜评审此联盟的理由（必填）</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
    </context>
    <context>
        <name>DifferencesModel</name>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>评分数</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>均值</translation>
        </message>
        <message>
            <source>Spread</source>
            <translation>极差</translation>
        </message>
        <message>
            <source>Members' totals</source>
            <translation>各组员总分</translation>
        </message>
        <message>
            <source>* the highest and the lowest total are left out of the mean, as in the consensus</source>
            <translation>* 与共识分相同，均值已去掉一个最高分和一个最低分</translation>
        </message>
    </context>
    <context>
        <name>DropArea</name>
        <message>
            <source>Drop a workbook (.xlsx) or CSV files here</source>
            <translation>把工作簿（.xlsx）或 CSV 文件拖到这里</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>Choose the file to import</source>
            <translation>选择要导入的文件</translation>
        </message>
        <message>
            <source>Workbooks and CSV files (%1)</source>
            <translation>工作簿和 CSV 文件 (%1)</translation>
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
        <message>
            <source>Cannot complete the operation</source>
            <translation>无法完成操作</translation>
        </message>
    </context>
    <context>
        <name>EvidencePane</name>
        <message>
            <source>Nothing was submitted for this indicator.</source>
            <translation>该联盟在此指标下没有填报内容。</translation>
        </message>
    </context>
    <context>
        <name>ExpertPickModel</name>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>分组</translation>
        </message>
        <message>
            <source>Initial group review</source>
            <translation>分组初评</translation>
        </message>
        <message>
            <source>Cross review</source>
            <translation>交叉复评</translation>
        </message>
        <message>
            <source>%1 of %2 received</source>
            <translation>已收到 %1 / %2</translation>
        </message>
    </context>
    <context>
        <name>ExpertTableModel</name>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>分组</translation>
        </message>
        <message>
            <source>Group leader</source>
            <translation>组长</translation>
        </message>
        <message>
            <source>Matched alliance</source>
            <translation>匹配联盟</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>回避</translation>
        </message>
        <message>
            <source>(does not score)</source>
            <translation>（不参与评分）</translation>
        </message>
        <message>
            <source>The organisation matches no alliance in the registry</source>
            <translation>该单位未匹配到联盟名录中的联盟</translation>
        </message>
        <message>
            <source>Double-click to move the expert to another group</source>
            <translation>双击可调整专家所在分组</translation>
        </message>
    </context>
    <context>
        <name>FileResultModel</name>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>轮次</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出序号</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>已签名</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>收到时间</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>原因</translation>
        </message>
        <message>
            <source> (unsigned)</source>
            <translation>（未签名）</translation>
        </message>
        <message>
            <source> (old-style signature)</source>
            <translation>（旧签名）</translation>
        </message>
        <message>
            <source> (revoked key, accepted)</source>
            <translation>（已作废密钥，经确认接受）</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>This session</source>
            <translation>本次汇总</translation>
        </message>
        <message>
            <source>Refused: the file could not be read as a score file.</source>
            <translation>已拒绝：无法作为评分文件读取。</translation>
        </message>
    </context>
    <context>
        <name>GroupDelegate</name>
        <message>
            <source>(no group)</source>
            <translation>（未分组）</translation>
        </message>
    </context>
    <context>
        <name>GroupDifferencesView</name>
        <message>
            <source>%1 alliances scored completely by the members who sent; %2 with differences the plenary would discuss (F2 large spread, F3 lone dissenter, with the secretariat's thresholds).</source>
            <translation>已交组员完整评分的联盟 %1 家；其中 %2 家有复核会评会讨论的差异（F2 极差过大、F3 孤立意见，阈值与秘书处相同）。</translation>
        </message>
        <message>
            <source>Not sent yet: %1.</source>
            <translation>尚未交：%1。</translation>
        </message>
        <message>
            <source>%1 alliances are not yet scored completely by a member and are left out.</source>
            <translation>有 %1 个联盟尚未被某位组员评完，暂不计入。</translation>
        </message>
        <message>
            <source>No member's file is in yet.</source>
            <translation>还没有收到组员的评分文件。</translation>
        </message>
        <message>
            <source>%1: no flag on the group's scores.</source>
            <translation>%1：按本组评分没有标记。</translation>
        </message>
    </context>
    <context>
        <name>GroupWindow</name>
        <message>
            <source>Group leader's merge — %1 — %2 — %3</source>
            <translation>组长汇总 — %1 — %2 — %3</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 年度</translation>
        </message>
        <message>
            <source>Group package: %1</source>
            <translation>组评审包：%1</translation>
        </message>
        <message>
            <source>Generate group file…</source>
            <translation>生成组文件…</translation>
        </message>
        <message>
            <source>Add score files…</source>
            <translation>添加评分文件…</translation>
        </message>
        <message>
            <source>Add a folder…</source>
            <translation>添加文件夹…</translation>
        </message>
        <message>
            <source>Drop the members' score files (.xlsx) or folders here</source>
            <translation>把组员交来的评分文件（.xlsx）或文件夹拖到这里</translation>
        </message>
        <message>
            <source>Accept unsigned files</source>
            <translation>接受未签名文件</translation>
        </message>
        <message>
            <source>Files merged in this session</source>
            <translation>本次汇总结果</translation>
        </message>
        <message>
            <source>Files received</source>
            <translation>收件</translation>
        </message>
        <message>
            <source>Group differences</source>
            <translation>本组差异</translation>
        </message>
        <message>
            <source>Members' files are kept unaltered; the secretariat verifies each member's signature again.</source>
            <translation>组员的评分文件原样保存；秘书处汇总时会再次核验每位组员的签名。</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Add score &amp;files…</source>
            <translation>添加评分文件(&amp;F)…</translation>
        </message>
        <message>
            <source>Add a f&amp;older…</source>
            <translation>添加文件夹(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Generate group file…</source>
            <translation>生成组文件(&amp;G)…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>关闭(&amp;C)</translation>
        </message>
        <message>
            <source>Members: %1, sent %2, not sent %3</source>
            <translation>组员 %1 人：已交 %2 人，未交 %3 人</translation>
        </message>
        <message>
            <source>Add the score files the members sent you. Each is checked against the member's key and assigned alliances before it is kept.</source>
            <translation>请添加组员交来的评分文件。每个文件都先核验组员签名和分配的联盟，通过后才保存。</translation>
        </message>
        <message>
            <source>Unsigned files</source>
            <translation>未签名文件</translation>
        </message>
        <message>
            <source>Unsigned files cannot be proved to come from the member. Accept them only when you received them in person. The secretariat may still refuse them. Accept unsigned files?</source>
            <translation>未签名文件无法证明出自该组员本人。只有当面收到时才应接受；秘书处仍可能拒收。是否接受未签名文件？</translation>
        </message>
        <message>
            <source>Members' score files</source>
            <translation>组员评分文件</translation>
        </message>
        <message>
            <source>Score files (*.xlsx)</source>
            <translation>评分文件 (*.xlsx)</translation>
        </message>
        <message>
            <source>Folder of score files</source>
            <translation>评分文件所在文件夹</translation>
        </message>
        <message>
            <source>Checking the members' score files…</source>
            <translation>正在核验组员的评分文件…</translation>
        </message>
        <message>
            <source>%1 accepted, %2 rejected, %3 already in the group package.</source>
            <translation>接受 %1 个，拒绝 %2 个，%3 个已在组评审包中。</translation>
        </message>
        <message>
            <source>Cancelled: nothing was added.</source>
            <translation>已取消：没有添加任何文件。</translation>
        </message>
        <message>
            <source>Members have not sent</source>
            <translation>有组员未交</translation>
        </message>
        <message>
            <source>%1 of %2 members have not sent their score file: %3. The group file will not carry their scores. Generate it anyway?</source>
            <translation>%2 位组员中有 %1 位尚未交评分文件：%3。组文件中将没有他们的评分。仍然生成组文件？</translation>
        </message>
        <message>
            <source>Group file</source>
            <translation>组文件</translation>
        </message>
        <message>
            <source>Group files (*.evgroup)</source>
            <translation>组文件 (*.evgroup)</translation>
        </message>
        <message>
            <source>Group file written</source>
            <translation>组文件已生成</translation>
        </message>
        <message>
            <source>No group file written</source>
            <translation>未生成组文件</translation>
        </message>
        <message>
            <source>Group file written to %1. It carries the score files of %2 members (%3). Send this one file to the secretariat.</source>
            <translation>组文件已保存到 %1，其中有 %2 位组员的评分文件（%3）。请把这一个文件交给秘书处。</translation>
        </message>
    </context>
    <context>
        <name>GuideWindow</name>
        <message>
            <source>User guide</source>
            <translation>使用指南</translation>
        </message>
    </context>
    <context>
        <name>HeatmapModel</name>
        <message>
            <source>Mean</source>
            <translation>均值</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总分</translation>
        </message>
    </context>
    <context>
        <name>HistoryYears</name>
        <message>
            <source>Past years' published results decide the A-level honour (high activity three years running) and the stalled alliances (in no year's results for three years). Import each earlier year from its published annex 2: a sheet or CSV file with the columns 联盟代码, 联盟名称, 评分 and 活跃度 (the score may be empty for inactive alliances).</source>
            <translation>A 级联盟（连续三年活跃度高）和连续未参评的联盟（连续三年不在评价结果中）要根据往年公布的结果判定。请逐年导入往年公布的附件 2：电子表格（.xlsx）或 .csv 文件，列为 联盟代码、联盟名称、评分、活跃度（不活跃联盟的评分可以为空）。</translation>
        </message>
        <message>
            <source>Import a year's results…</source>
            <translation>导入某年度结果…</translation>
        </message>
        <message>
            <source>Evaluated in this workspace; published by %1, %2</source>
            <translation>本工作区评审；%1 于 %2 发布</translation>
        </message>
        <message>
            <source>Evaluated in this workspace; not yet published</source>
            <translation>本工作区评审；尚未发布</translation>
        </message>
        <message>
            <source>Evaluated in this workspace; no scores yet</source>
            <translation>本工作区评审；尚无评分</translation>
        </message>
        <message>
            <source>%1 (imported by %2, %3)</source>
            <translation>%1（%2 于 %3 导入）</translation>
        </message>
        <message>
            <source>%1; also imported: %2</source>
            <translation>%1；另有导入的结果：%2</translation>
        </message>
        <message>
            <source>Import a year's results</source>
            <translation>导入某年度结果</translation>
        </message>
        <message>
            <source>Results (*.xlsx *.csv)</source>
            <translation>评价结果 (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>Which year are these results of?</source>
            <translation>这是哪一年度的评价结果？</translation>
        </message>
        <message>
            <source>Importing the %1 results…</source>
            <translation>正在导入 %1 年度结果…</translation>
        </message>
        <message>
            <source>Nothing was imported from %1:</source>
            <translation>没有从 %1 导入任何内容：</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import alliance registry</source>
            <translation>导入联盟名录</translation>
        </message>
        <message>
            <source>Import submissions</source>
            <translation>导入填报信息</translation>
        </message>
        <message>
            <source>Registry columns: 联盟代码, 联盟名称, optional 批次 and 曾用名.</source>
            <translation>名录列：联盟代码、联盟名称，可选 批次、曾用名。</translation>
        </message>
        <message>
            <source>A workbook with sheets 基本信息 and 活动记录, or the two as CSV files. The whole file is checked first; a file with errors changes nothing.</source>
            <translation>含“基本信息”和“活动记录”两张工作表的工作簿，或对应的两个 CSV 文件。导入前先检查整个文件；有错误的文件不会改动任何数据。</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>尚未选择文件</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Save report…</source>
            <translation>保存检查报告…</translation>
        </message>
        <message>
            <source>Checking the file…</source>
            <translation>正在检查文件…</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>已取消，未做任何更改。</translation>
        </message>
        <message>
            <source>%1 warnings, listed below.</source>
            <translation>有 %1 条提示，见下表。</translation>
        </message>
        <message>
            <source>The file was not imported: %1 errors and %2 warnings, listed below. Nothing was changed; correct the file and import it again.</source>
            <translation>文件未导入：有 %1 个错误、%2 条提示，见下表。数据未做任何更改；请改正文件后重新导入。</translation>
        </message>
        <message>
            <source>Save the report</source>
            <translation>保存检查报告</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
            <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>IndicatorModel</name>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>评分</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>满分</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Plenary decision</source>
            <translation>会评决定</translation>
        </message>
        <message>
            <source>Consensus score</source>
            <translation>共识分</translation>
        </message>
        <message>
            <source>Published results</source>
            <translation>已发布结果</translation>
        </message>
        <message>
            <source>Historical results</source>
            <translation>历史结果</translation>
        </message>
        <message>
            <source>Published (plenary decision)</source>
            <translation>已发布（会评决定）</translation>
        </message>
        <message>
            <source>Published (consensus score)</source>
            <translation>已发布（共识分）</translation>
        </message>
        <message>
            <source>Band boundary</source>
            <translation>档位边界</translation>
        </message>
        <message>
            <source>Large spread</source>
            <translation>极差过大</translation>
        </message>
        <message>
            <source>Lone dissenter</source>
            <translation>孤立意见</translation>
        </message>
        <message>
            <source>Group versus group</source>
            <translation>组间差异</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>已接受</translation>
        </message>
        <message>
            <source>Superseded</source>
            <translation>已被取代</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <source>Already merged</source>
            <translation>已汇总过</translation>
        </message>
        <message>
            <source>Partial</source>
            <translation>部分得分</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>缺失</translation>
        </message>
    </context>
    <context>
        <name>LeniencyModel</name>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Scored</source>
            <translation>已评</translation>
        </message>
        <message>
            <source>Leniency</source>
            <translation>宽严度</translation>
        </message>
        <message>
            <source>Std. error</source>
            <translation>标准误</translation>
        </message>
        <message>
            <source>Consistency</source>
            <translation>一致性</translation>
        </message>
        <message>
            <source>Correlation</source>
            <translation>相关系数</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Lenient</source>
            <translation>偏宽</translation>
        </message>
        <message>
            <source>Harsh</source>
            <translation>偏严</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Building the demo workspace…</source>
            <translation>正在生成演示工作区…</translation>
        </message>
        <message>
            <source>Demo workspace</source>
            <translation>演示工作区</translation>
        </message>
        <message>
            <source>&amp;Undo “%1”</source>
            <translation>撤销“%1”(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo “%1”</source>
            <translation>重做“%1”(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
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
            <source>&amp;Import submissions…</source>
            <translation>导入填报信息(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Merge score files…</source>
            <translation>汇总评分文件(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;Export results workbook…</source>
            <translation>导出结果工作簿(&amp;E)…</translation>
        </message>
        <message>
            <source>Generate &amp;report draft…</source>
            <translation>生成报告草稿(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Backup and restore…</source>
            <translation>备份与恢复(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>刷新(&amp;F)</translation>
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
            <source>User &amp;guide</source>
            <translation>使用指南(&amp;G)</translation>
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
            <source>Refreshed from the workspace.</source>
            <translation>已从工作区重新读取。</translation>
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
            <source>its folder cannot be written</source>
            <translation>所在文件夹不可写</translation>
        </message>
        <message>
            <source>the file is read-only</source>
            <translation>文件是只读的</translation>
        </message>
        <message>
            <source>Read-only: %1 (%2). You can view and export; to change it, copy it to a writable folder or clear the file's read-only attribute.</source>
            <translation>只读：%1（%2）。可以查看和导出；如需修改，请把工作区复制到可写的文件夹，或取消文件的只读属性。</translation>
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
            <source>Workspace: %1 · Year %2 · Working: %3</source>
            <translation>工作区：%1 · %2 年度 · 操作人：%3</translation>
        </message>
        <message>
            <source>Cannot open the workspace</source>
            <translation>无法打开工作区</translation>
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
        <message>
            <source>Backup and restore</source>
            <translation>备份与恢复</translation>
        </message>
        <message>
            <source>Open a workspace first.</source>
            <translation>请先打开一个工作区。</translation>
        </message>
        <message>
            <source>No workspace</source>
            <translation>未打开工作区</translation>
        </message>
    </context>
    <context>
        <name>MembersModel</name>
        <message>
            <source>Member</source>
            <translation>组员</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Assigned alliances</source>
            <translation>分配的联盟</translation>
        </message>
        <message>
            <source>Latest export</source>
            <translation>最新导出序号</translation>
        </message>
        <message>
            <source>File received</source>
            <translation>收到的文件</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>收到时间</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source> · leads this group</source>
            <translation>（负责本组）</translation>
        </message>
        <message>
            <source>%1 alliances</source>
            <translation>%1 家</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>已交</translation>
        </message>
        <message>
            <source>Old-style signature (the first release's HMAC key): the secretariat accepts it only until the member is given a package of this version; then ask for a new export.</source>
            <translation>旧签名（第一版程序的 HMAC 签名）：该专家领到本版本评审包后，秘书处不再认可这种签名，届时请其重新导出评分文件。</translation>
        </message>
        <message>
            <source>Sent (old-style signature)</source>
            <translation>已交（旧签名）</translation>
        </message>
        <message>
            <source>Not sent</source>
            <translation>未交</translation>
        </message>
    </context>
    <context>
        <name>PackageRecordsModel</name>
        <message>
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>说明</translation>
        </message>
    </context>
    <context>
        <name>PackagesDialog</name>
        <message>
            <source>Expert packages</source>
            <translation>专家评审包</translation>
        </message>
        <message>
            <source>Initial round (分组初评)</source>
            <translation>分组初评</translation>
        </message>
        <message>
            <source>Cross-group review (交叉复评)</source>
            <translation>交叉复评</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Round:</source>
            <translation>轮次：</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>文件夹：</translation>
        </message>
        <message>
            <source>Generate the group package for the leader</source>
            <translation>为组长生成组评审包</translation>
        </message>
        <message>
            <source>Group:</source>
            <translation>专家组：</translation>
        </message>
        <message>
            <source>One package per expert holds only that expert's assigned alliances, their submissions, the indicator system and a private signing key made for this package (the workspace keeps only its public key). Hand each expert his or her own file only: whoever holds it can sign as that expert.</source>
            <translation>每位专家一个评审包，只包含分配给该专家的联盟、这些联盟的填报信息、指标体系，以及为该评审包新生成的签名私钥（工作区只保存对应的公钥）。请只把专家本人的文件交给本人：持有它即可以该专家的名义签名。</translation>
        </message>
        <message>
            <source>A group leader collects the members' score files in the group package and sends you one group file. It holds the group's assignments and the members' public keys, which check the members' signatures but cannot make one. Generate it after the members' packages.</source>
            <translation>组长用组评审包汇总组员交来的评分文件，再把一个组文件交给秘书处。组评审包含本组的分配和组员的公钥：公钥只能核验组员的签名，不能代为签名。请在生成组员的评审包之后再生成组评审包。</translation>
        </message>
        <message>
            <source>Group package (for a group leader)</source>
            <translation>组评审包（组长用）</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <source>Reason, such as: USB stick lost</source>
            <translation>原因，如：U 盘丢失</translation>
        </message>
        <message>
            <source>Issue a new package</source>
            <translation>补发评审包</translation>
        </message>
        <message>
            <source>Expert:</source>
            <translation>专家：</translation>
        </message>
        <message>
            <source>The new package gets a new key; files signed with the lost package are then refused unless you accept them explicitly at the merge.</source>
            <translation>补发的评审包使用新密钥；此后用丢失评审包签名的文件一律拒收，除非汇总时明确选择接受。</translation>
        </message>
        <message>
            <source>A lost package (this round)</source>
            <translation>评审包丢失（本轮次）</translation>
        </message>
        <message>
            <source>Writing the new package…</source>
            <translation>正在生成补发的评审包…</translation>
        </message>
        <message>
            <source>New package written to %1; %2 key(s) of the lost package revoked. Give the new package to the expert in person.</source>
            <translation>补发的评审包已保存到 %1；已作废丢失评审包的密钥 %2 个。请把新评审包当面交给专家本人。</translation>
        </message>
        <message>
            <source>The new package could not be written: %1</source>
            <translation>无法写入补发的评审包：%1</translation>
        </message>
        <message>
            <source>Folder for the packages</source>
            <translation>评审包存放文件夹</translation>
        </message>
        <message>
            <source>Writing packages…</source>
            <translation>正在生成评审包…</translation>
        </message>
        <message>
            <source>Writing packages… %1</source>
            <translation>正在生成评审包… %1</translation>
        </message>
        <message>
            <source>Writing the group package…</source>
            <translation>正在生成组评审包…</translation>
        </message>
        <message>
            <source>Group package written to %1 (%2 members). Give it to the group leader; opening it shows the group leader's merge window.</source>
            <translation>组评审包已保存到 %1（组员 %2 人）。请交给组长；组长用本程序打开即进入“组长汇总”窗口。</translation>
        </message>
        <message>
            <source>The group package could not be written: %1</source>
            <translation>无法写入组评审包：%1</translation>
        </message>
        <message>
            <source>%1 packages written to %2.</source>
            <translation>已在 %2 生成 %1 个评审包。</translation>
        </message>
        <message>
            <source>No assignment in this round: %1</source>
            <translation>本轮无分配：%1</translation>
        </message>
        <message>
            <source>Cancelled. Packages already written stay in the folder.</source>
            <translation>已取消。已生成的评审包仍保留在文件夹中。</translation>
        </message>
    </context>
    <context>
        <name>PanelCommands</name>
        <message>
            <source>Move %1 to %2</source>
            <translation>把%1移到%2</translation>
        </message>
        <message>
            <source>Take %1 out of the group</source>
            <translation>把%1移出分组</translation>
        </message>
        <message>
            <source>Make %1 group leader</source>
            <translation>设%1为组长</translation>
        </message>
        <message>
            <source>Declare conflict %1 – %2</source>
            <translation>登记回避：%1 – %2</translation>
        </message>
        <message>
            <source>Remove conflict %1 – %2</source>
            <translation>撤销回避：%1 – %2</translation>
        </message>
        <message>
            <source>Assign %1 to %2</source>
            <translation>把%1分给%2</translation>
        </message>
        <message>
            <source>Withdraw %1 from %2</source>
            <translation>从%2收回%1</translation>
        </message>
    </context>
    <context>
        <name>ProblemTableModel</name>
        <message>
            <source>Severity</source>
            <translation>级别</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>工作表</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
    </context>
    <context>
        <name>ProgressModel</name>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>分组</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>已收到</translation>
        </message>
        <message>
            <source>Latest export</source>
            <translation>最新导出</translation>
        </message>
        <message>
            <source>Still missing</source>
            <translation>尚缺</translation>
        </message>
    </context>
    <context>
        <name>PublishDialog</name>
        <message>
            <source>Publish results</source>
            <translation>发布结果</translation>
        </message>
        <message>
            <source>Publishing freezes the %1 results of %2 alliances; later score changes do not change them until you publish again. Published by: %3.</source>
            <translation>发布将冻结 %1 年度 %2 家联盟的评价结果；此后评分的改动在再次发布之前不会改变已发布的结果。发布人：%3。</translation>
        </message>
        <message>
            <source>%1 plenary agenda items have no decision. Their published score will be the experts' consensus as it stands; items marked F1 sit on a band cut.</source>
            <translation>还有 %1 个复核会评议题没有决定，发布时将按专家现有的共识分计；标有 F1 的议题处在分档线附近。</translation>
        </message>
        <message>
            <source>Publish with these %1 items undecided</source>
            <translation>确认在这 %1 个议题未决定的情况下发布</translation>
        </message>
        <message>
            <source>Publish</source>
            <translation>发布</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>%1 %2: %3, consensus %4</source>
            <translation>%1 %2：%3，共识分 %4</translation>
        </message>
    </context>
    <context>
        <name>QMainWindow</name>
        <message>
            <source>Cannot open the package</source>
            <translation>无法打开评审包</translation>
        </message>
        <message>
            <source>User guide</source>
            <translation>使用指南</translation>
        </message>
        <message>
            <source>The user guide is not installed with this copy (%1 is missing).</source>
            <translation>此副本未附带使用指南（缺少 %1）。</translation>
        </message>
    </context>
    <context>
        <name>RecordsModel</name>
        <message>
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>链接</translation>
        </message>
        <message>
            <source>%1 %2 — no records</source>
            <translation>%1 %2 — 无记录</translation>
        </message>
        <message>
            <source>%1 %2 — %3 records</source>
            <translation>%1 %2 — %3 条记录</translation>
        </message>
    </context>
    <context>
        <name>RecordsView</name>
        <message>
            <source>Select an alliance to see what it submitted.</source>
            <translation>选择一家联盟，查看其填报内容。</translation>
        </message>
        <message>
            <source>No submission for %1.</source>
            <translation>%1 年度未填报。</translation>
        </message>
        <message>
            <source>Name as filed</source>
            <translation>填报名称</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Filed on</source>
            <translation>填报日期</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>&amp;Save…</source>
            <translation>保存(&amp;S)…</translation>
        </message>
        <message>
            <source>Save the report</source>
            <translation>保存检查报告</translation>
        </message>
        <message>
            <source>Text files (*.txt)</source>
            <translation>文本文件 (*.txt)</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>%1 could not be written: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>ResultsModel</name>
        <message>
            <source>Rank</source>
            <translation>名次</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>评分</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>活跃度</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>评分来源</translation>
        </message>
    </context>
    <context>
        <name>ScoreEntry</name>
        <message>
            <source>Optional comment on this score</source>
            <translation>可填写对该项评分的意见（选填）</translation>
        </message>
        <message>
            <source>Score by &amp;level (keys 1-3)</source>
            <translation>按档位评分(&amp;L)（1–3 键）</translation>
        </message>
        <message>
            <source>Choose the description that fits instead of typing a number: full marks, partial (half the maximum) or zero</source>
            <translation>不输入数字，而是选择符合的档位描述：满分、部分得分（满分的一半）或零分</translation>
        </message>
        <message>
            <source>&amp;Score:</source>
            <translation>评分(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Comment:</source>
            <translation>意见(&amp;C)：</translation>
        </message>
        <message>
            <source>Full marks</source>
            <translation>满分</translation>
        </message>
        <message>
            <source>Partial</source>
            <translation>部分得分</translation>
        </message>
        <message>
            <source>Zero</source>
            <translation>零分</translation>
        </message>
        <message>
            <source>%1 %2 (%3)</source>
            <translation>%1 %2（%3 分）</translation>
        </message>
    </context>
    <context>
        <name>ScoreFilesModel</name>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>轮次</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出序号</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>签名</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>收到时间</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件名</translation>
        </message>
        <message>
            <source>Via group file</source>
            <translation>经由组文件</translation>
        </message>
        <message>
            <source>Unsigned</source>
            <translation>未签名</translation>
        </message>
    </context>
    <context>
        <name>ScoringPanel</name>
        <message>
            <source>Score %1 · %2</source>
            <translation>评分 %1 · %2</translation>
        </message>
        <message>
            <source>Export score file…</source>
            <translation>导出评分文件…</translation>
        </message>
        <message>
            <source>initial round</source>
            <translation>分组初评</translation>
        </message>
        <message>
            <source>cross-group review</source>
            <translation>交叉复评</translation>
        </message>
        <message>
            <source>%1 · %2 %3</source>
            <translation>%1 · %2 年度%3</translation>
        </message>
        <message>
            <source>0 to %1, in steps of %2</source>
            <translation>0 至 %1 分，步长 %2</translation>
        </message>
        <message>
            <source>Every score is saved as soon as it is entered.</source>
            <translation>每项评分输入后立即保存。</translation>
        </message>
        <message>
            <source>Type a score and press Enter · Alt+C: comment · ↑/↓: indicators · PgUp/PgDn: alliances · Ctrl+Z: undo · Ctrl+E: export</source>
            <translation>输入分数后按回车 · Alt+C：意见 · ↑/↓：切换指标 · PgUp/PgDn：切换联盟 · Ctrl+Z：撤销 · Ctrl+E：导出</translation>
        </message>
        <message>
            <source>Enter save · Alt+C comment · ↑↓ indicator · PgUp/PgDn alliance · Ctrl+Z undo · Ctrl+E export</source>
            <translation>回车保存 · Alt+C 意见 · ↑↓ 指标 · PgUp/PgDn 联盟 · Ctrl+Z 撤销 · Ctrl+E 导出</translation>
        </message>
        <message>
            <source>&amp;Export score file…</source>
            <translation>导出评分文件(&amp;E)…</translation>
        </message>
        <message>
            <source>Show the alliances' names</source>
            <translation>显示联盟名称</translation>
        </message>
        <message>
            <source>Show only the alliances' codes</source>
            <translation>只显示联盟代码</translation>
        </message>
        <message>
            <source>Submitted for %1: %2 records</source>
            <translation>%1 的填报记录：%2 条</translation>
        </message>
        <message>
            <source>Total %1 / %2 (%3) · %4 of %5 scored</source>
            <translation>合计 %1 / %2（%3）· 已评 %4 / %5 项</translation>
        </message>
        <message>
            <source>not scored</source>
            <translation>未评</translation>
        </message>
        <message>
            <source>%1 is not a valid score: 0 to %2 in steps of %3</source>
            <translation>“%1”不是有效评分：应为 0 至 %2 分、步长 %3</translation>
        </message>
        <message>
            <source>A comment is saved with its score: type the score first.</source>
            <translation>意见随评分一起保存：请先输入分数。</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>Saved at %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>Scores missing</source>
            <translation>尚有未评分项</translation>
        </message>
        <message>
            <source>%1 indicators are not scored yet (%2 alliances). Export a partial score file anyway?</source>
            <translation>还有 %1 项指标未评分（涉及 %2 家联盟）。仍要导出未评完的评分文件吗？</translation>
        </message>
        <message>
            <source>Export score file</source>
            <translation>导出评分文件</translation>
        </message>
        <message>
            <source>Score files (*.xlsx)</source>
            <translation>评分文件 (*.xlsx)</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>未导出</translation>
        </message>
        <message>
            <source>Score file written</source>
            <translation>评分文件已导出</translation>
        </message>
        <message>
            <source>Score file %1 written (export number %2). Send this file to your group leader or the secretariat.</source>
            <translation>已导出评分文件 %1（第 %2 次导出）。请将此文件发送给组长或秘书处。</translation>
        </message>
    </context>
    <context>
        <name>ScoringWindow</name>
        <message>
            <source>Scoring — %1 — %2</source>
            <translation>专家评分 — %1 — %2</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Write an Excel &amp;template…</source>
            <translation>生成 Excel 评分模板(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Import a filled template…</source>
            <translation>导入已填写的评分模板(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>关闭(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>User &amp;guide</source>
            <translation>使用指南(&amp;G)</translation>
        </message>
        <message>
            <source>Checking the filled template…</source>
            <translation>正在检查已填写的评分模板…</translation>
        </message>
        <message>
            <source>Import a filled template</source>
            <translation>导入已填写的评分模板</translation>
        </message>
        <message>
            <source>%1 scores came in from the template; %2 of %3 indicators are now scored. Now export your signed score file and send it.</source>
            <translation>已从模板导入 %1 项评分，现已评 %2 / %3 项。请导出签名的评分文件并发送。</translation>
        </message>
        <message>
            <source>Export score file…</source>
            <translation>导出评分文件…</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>稍后</translation>
        </message>
        <message>
            <source>Score not saved</source>
            <translation>评分未保存</translation>
        </message>
        <message>
            <source>Close without saving this value?</source>
            <translation>不保存此值并关闭？</translation>
        </message>
        <message>
            <source>Excel template</source>
            <translation>Excel 评分模板</translation>
        </message>
        <message>
            <source>Workbooks (*.xlsx)</source>
            <translation>工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Filled template</source>
            <translation>已填写的评分模板</translation>
        </message>
        <message>
            <source>Not imported; nothing was changed</source>
            <translation>未导入，未做任何更改</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>已导入</translation>
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
            <translation>联盟数</translation>
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
            <source>%1 in the programme (%2; change in Settings)</source>
            <translation>试点联盟共 %1 家（来源：%2；可在「设置」中修改）</translation>
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
            <translation>发布结果</translation>
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
            <translation>专家组操作</translation>
        </message>
        <message>
            <source>Import panel…</source>
            <translation>导入专家名单…</translation>
        </message>
        <message>
            <source>Read a panel file with the columns 角色, 姓名, 单位, 职务 and optionally 分组</source>
            <translation>读取专家名单文件，列为 角色、姓名、单位、职务，可选 分组</translation>
        </message>
        <message>
            <source>New group…</source>
            <translation>新建评审组…</translation>
        </message>
        <message>
            <source>Declare conflict…</source>
            <translation>申报回避…</translation>
        </message>
        <message>
            <source>Remove conflict</source>
            <translation>删除回避</translation>
        </message>
        <message>
            <source>Assign round…</source>
            <translation>分配评审任务…</translation>
        </message>
        <message>
            <source>Conflicts of interest</source>
            <translation>回避关系</translation>
        </message>
        <message>
            <source>The same seed gives the same assignment</source>
            <translation>相同的随机种子得到相同的分工</translation>
        </message>
        <message>
            <source>Assign this round…</source>
            <translation>分配本轮任务…</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>轮次</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>&lt;span style='background:%1'&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; assigned &amp;nbsp; &lt;span style='background:%2'&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; conflict of interest (COI) &amp;nbsp; Column headers: expert, group, number of alliances. Tick a cell to assign, untick to withdraw.</source>
            <translation>&lt;span style='background:%1'&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; 已分配 &amp;nbsp; &lt;span style='background:%2'&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; 回避 &amp;nbsp; 列标题：专家、所在组、评审联盟数。勾选单元格即分配，取消勾选即撤回。</translation>
        </message>
        <message>
            <source>Experts and groups</source>
            <translation>专家与分组</translation>
        </message>
        <message>
            <source>Assignment matrix</source>
            <translation>分工矩阵</translation>
        </message>
        <message>
            <source>Panel and assignments</source>
            <translation>专家与分工</translation>
        </message>
        <message>
            <source>Not possible</source>
            <translation>无法执行</translation>
        </message>
        <message>
            <source>Please confirm</source>
            <translation>请确认</translation>
        </message>
        <message>
            <source>Form groups</source>
            <translation>组建评审组</translation>
        </message>
        <message>
            <source>The experts are in no group yet. Into how many groups should the %1 scoring experts be split?</source>
            <translation>专家尚未分组。要把 %1 位评分专家分成几个组？</translation>
        </message>
        <message>
            <source>Import panel</source>
            <translation>导入专家名单</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
            <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Importing the panel…</source>
            <translation>正在导入专家名单…</translation>
        </message>
        <message>
            <source>%1 added, %2 updated, %3 unchanged; %4 organisations matched an alliance and were recorded as conflicts of interest.</source>
            <translation>新增 %1 位，更新 %2 位，未变 %3 位；%4 位专家的单位匹配到参评联盟，已登记回避。</translation>
        </message>
        <message>
            <source>Panel imported</source>
            <translation>专家名单已导入</translation>
        </message>
        <message>
            <source>New group</source>
            <translation>新建评审组</translation>
        </message>
        <message>
            <source>Group name</source>
            <translation>组名</translation>
        </message>
        <message>
            <source>Remove the conflict of interest between %1 and alliance %2?</source>
            <translation>删除专家 %1 与联盟 %2 之间的回避关系？</translation>
        </message>
        <message>
            <source>%1 already has %2 assignments. Replace them with a new assignment?</source>
            <translation>%1已有 %2 项分工。要重新分配并替换吗？</translation>
        </message>
        <message>
            <source>Assigning %1…</source>
            <translation>正在分配%1…</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>已取消，未做任何更改。</translation>
        </message>
        <message>
            <source>%1: %2 assignments in %3 groups</source>
            <translation>%1：%3 个组，共 %2 项分工</translation>
        </message>
        <message>
            <source>%1: %2 members, leader %3</source>
            <translation>%1：%2 人，组长 %3</translation>
        </message>
        <message>
            <source>No groups yet: assign a round to form them, or add groups and move experts into them (double-click the group cell).</source>
            <translation>尚未分组：分配评审任务时可自动分组，也可新建评审组后把专家移入（双击“分组”单元格）。</translation>
        </message>
        <message>
            <source>%1 alliances, %2 experts, %3 assignments</source>
            <translation>%1 家联盟，%2 位专家，%3 项分工</translation>
        </message>
        <message>
            <source>… and %1 more</source>
            <translation>……另有 %1 条</translation>
        </message>
        <message>
            <source>Scores by expert</source>
            <translation>各专家评分</translation>
        </message>
        <message>
            <source>Records for disputed indicators</source>
            <translation>有分歧指标的填报记录</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>专家意见</translation>
        </message>
        <message>
            <source>Accept the consensus</source>
            <translation>采纳共识分</translation>
        </message>
        <message>
            <source>Set the final score</source>
            <translation>改定最终得分</translation>
        </message>
        <message>
            <source>Reason (required)</source>
            <translation>理由（必填）</translation>
        </message>
        <message>
            <source>Chair</source>
            <translation>主持人</translation>
        </message>
        <message>
            <source>Who chairs the plenary; recorded on the decision</source>
            <translation>复核会评的主持人，记入决定</translation>
        </message>
        <message>
            <source>Record decision</source>
            <translation>记录决定</translation>
        </message>
        <message>
            <source>Chair:</source>
            <translation>主持人：</translation>
        </message>
        <message>
            <source>Leave projector mode</source>
            <translation>退出投影模式</translation>
        </message>
        <message>
            <source>Projector mode</source>
            <translation>投影模式</translation>
        </message>
        <message>
            <source>Projector mode (F11): full screen, without the navigation, the menus and the status line, so the heat map gets the room</source>
            <translation>投影模式（F11）：全屏显示，隐藏导航、菜单和状态栏，把空间留给热力图</translation>
        </message>
        <message>
            <source>Plenary</source>
            <translation>复核会评</translation>
        </message>
        <message numerus="yes">
            <source>Agenda: %n alliance(s)</source>
            <translation>
                <numerusform>议程：%n 家联盟</numerusform>
            </translation>
        </message>
        <message>
            <source>No differences for the plenary.</source>
            <translation>没有需要复核会评讨论的差异。</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Consensus %1 (%2)  Median %3  Range %4-%5  n = %6%7</source>
            <translation>共识分 %1（%2）  中位数 %3  范围 %4–%5  评分数 %6%7</translation>
        </message>
        <message>
            <source>, trimmed</source>
            <translation>，已去掉最高最低分</translation>
        </message>
        <message>
            <source>Leniency-adjusted (for information): %1</source>
            <translation>宽严度校正分（仅供参考）：%1</translation>
        </message>
        <message>
            <source>No comments.</source>
            <translation>没有意见。</translation>
        </message>
        <message>
            <source>No decision yet.</source>
            <translation>尚未决定。</translation>
        </message>
        <message>
            <source>Decided: %1 by %2 at %3 — %4</source>
            <translation>已决定：%1（%2，%3）— %4</translation>
        </message>
        <message>
            <source>Please give the reason for the decision.</source>
            <translation>请填写决定的理由。</translation>
        </message>
        <message>
            <source>Please enter who chairs the plenary.</source>
            <translation>请填写复核会评的主持人。</translation>
        </message>
        <message>
            <source>Recording the decision…</source>
            <translation>正在记录决定…</translation>
        </message>
        <message>
            <source>Decision recorded. To change it, record a new decision for the same alliance; it supersedes this one.</source>
            <translation>已记录决定。如需更改，请对该联盟重新作出决定，新决定将取代本决定（会评决定不能撤销）。</translation>
        </message>
        <message>
            <source>Import registry…</source>
            <translation>导入联盟名录…</translation>
        </message>
        <message>
            <source>Import submissions…</source>
            <translation>导入填报信息…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Write template…</source>
            <translation>生成填报模板…</translation>
        </message>
        <message>
            <source>All alliances</source>
            <translation>全部联盟</translation>
        </message>
        <message>
            <source>Eligible</source>
            <translation>达到评价要求</translation>
        </message>
        <message>
            <source>Not eligible</source>
            <translation>未达到评价要求</translation>
        </message>
        <message>
            <source>Not submitted</source>
            <translation>未填报</translation>
        </message>
        <message>
            <source>Export results workbook</source>
            <translation>导出结果工作簿</translation>
        </message>
        <message>
            <source>Generate report draft</source>
            <translation>生成报告草稿</translation>
        </message>
        <message>
            <source>Show inactive alliances' scores</source>
            <translation>显示不活跃联盟的评分</translation>
        </message>
        <message>
            <source>Where the score comes from…</source>
            <translation>查看评分来源…</translation>
        </message>
        <message>
            <source>How the selected alliance's score came about: the decision or the experts' scores, the score files and the audit log (double-click or Enter)</source>
            <translation>所选联盟的分数是怎样得出的：会评决定或专家评分、评分文件和操作记录（双击或按回车键）</translation>
        </message>
        <message>
            <source>All bands</source>
            <translation>全部活跃度</translation>
        </message>
        <message>
            <source>Search code or name</source>
            <translation>搜索代码或名称</translation>
        </message>
        <message>
            <source>Band:</source>
            <translation>活跃度：</translation>
        </message>
        <message>
            <source>Batch:</source>
            <translation>批次：</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>评价结果</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <source>A-level alliances</source>
            <translation>A级联盟</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>Stalled alliances</source>
            <translation>连续未参评联盟</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>活跃度</translation>
        </message>
        <message>
            <source>% of participants</source>
            <translation>占参评联盟</translation>
        </message>
        <message>
            <source>% of all</source>
            <translation>占联盟总数</translation>
        </message>
        <message>
            <source>% of band</source>
            <translation>占该档联盟</translation>
        </message>
        <message>
            <source>% of batch</source>
            <translation>占该批次总数</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>二级指标</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>统计</translation>
        </message>
        <message>
            <source>Past years</source>
            <translation>历年结果</translation>
        </message>
        <message>
            <source>Computing the {year} results…</source>
            <translation>正在计算 {year} 年度结果…</translation>
        </message>
        <message>
            <source>Cancelled; press F5 to compute the results.</source>
            <translation>已取消；按 F5 重新计算结果。</translation>
        </message>
        <message>
            <source>{year}: {n} alliances took part; {total} in the programme.</source>
            <translation>{year} 年度：参评联盟 {n} 家，联盟总数 {total} 家。</translation>
        </message>
        <message>
            <source>Published by {by} on {at}.</source>
            <translation>已由 {by} 于 {at} 发布。</translation>
        </message>
        <message>
            <source>Not yet published: the scores as they stand now.</source>
            <translation>尚未发布：以下为当前评分计算的结果。</translation>
        </message>
        <message>
            <source>Imported past results (see Past years).</source>
            <translation>导入的往年结果（见「历年结果」）。</translation>
        </message>
        <message>
            <source>Select an alliance in the results first.</source>
            <translation>请先在评价结果中选择一家联盟。</translation>
        </message>
        <message>
            <source>the A-level alliances</source>
            <translation>A 级联盟</translation>
        </message>
        <message>
            <source>the stalled alliances</source>
            <translation>连续未参评的联盟</translation>
        </message>
        <message>
            <source>%1-%2: %3 alliances.</source>
            <translation>%1—%2 年度：%3 家联盟。</translation>
        </message>
        <message>
            <source>High and fairly high</source>
            <translation>活跃度高和较高</translation>
        </message>
        <message>
            <source>All participants</source>
            <translation>全部参评联盟</translation>
        </message>
        <message>
            <source>Bands by batch</source>
            <translation>各批次活跃度分布</translation>
        </message>
        <message>
            <source>Score distribution</source>
            <translation>评分分布</translation>
        </message>
        <message>
            <source>Activities carried out, by band</source>
            <translation>各档联盟开展各项活动的联盟数</translation>
        </message>
        <message>
            <source>Checking what would be published…</source>
            <translation>正在核对将要发布的结果…</translation>
        </message>
        <message>
            <source>Cancelled; nothing was published.</source>
            <translation>已取消，未发布任何结果。</translation>
        </message>
        <message>
            <source>Publishing the {year} results…</source>
            <translation>正在发布 {year} 年结果…</translation>
        </message>
        <message>
            <source>Published {n} results.</source>
            <translation>已发布 {n} 家联盟的结果。</translation>
        </message>
        <message>
            <source>Writing the results workbook…</source>
            <translation>正在写出结果工作簿…</translation>
        </message>
        <message>
            <source>Word document (*.docx)</source>
            <translation>Word 文档 (*.docx)</translation>
        </message>
        <message>
            <source>Writing the report draft…</source>
            <translation>正在生成报告草稿…</translation>
        </message>
        <message>
            <source>Written {path}</source>
            <translation>已写出 {path}</translation>
        </message>
        <message>
            <source>Cancelled; nothing was written.</source>
            <translation>已取消，未写出文件。</translation>
        </message>
        <message>
            <source>Submissions</source>
            <translation>参评材料</translation>
        </message>
        <message>
            <source>All batches</source>
            <translation>全部批次</translation>
        </message>
        <message>
            <source>Showing %1 of %2 alliances · eligible %3 · not eligible %4 · not submitted %5</source>
            <translation>显示 %1 / %2 家联盟 · 达到要求 %3 · 未达到 %4 · 未填报 %5</translation>
        </message>
        <message>
            <source>Export submissions</source>
            <translation>导出填报信息</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Write template</source>
            <translation>生成填报模板</translation>
        </message>
        <message>
            <source>Add score files…</source>
            <translation>添加评分文件…</translation>
        </message>
        <message>
            <source>Add a folder…</source>
            <translation>添加文件夹…</translation>
        </message>
        <message>
            <source>Accept unsigned files (recorded in the log)</source>
            <translation>接受未签名文件（记入日志）</translation>
        </message>
        <message>
            <source>Accept files signed with revoked keys (recorded in the log)</source>
            <translation>接受已作废密钥签名的文件（记入日志）</translation>
        </message>
        <message>
            <source>Or drop score files or folders here.</source>
            <translation>也可把评分文件或文件夹拖到这里。</translation>
        </message>
        <message>
            <source>Round:</source>
            <translation>轮次：</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Who has sent what</source>
            <translation>回收进度</translation>
        </message>
        <message>
            <source>Differences (plenary agenda)</source>
            <translation>重要差异（会评议程）</translation>
        </message>
        <message>
            <source>Merge and flags</source>
            <translation>汇总与差异</translation>
        </message>
        <message>
            <source>%1 score files received so far, %2 of them in use.</source>
            <translation>已收到评分文件 %1 个，其中 %2 个在用（其余已被新版本取代）。</translation>
        </message>
        <message>
            <source>Unsigned files</source>
            <translation>未签名文件</translation>
        </message>
        <message>
            <source>Unsigned files cannot be proved to come from the expert. Accept them only when you received them in person. Each is marked unsigned in the log. Accept unsigned files?</source>
            <translation>未签名文件无法证明出自该专家本人。只有当面收到时才应接受；每个文件都会在日志中标为未签名。是否接受未签名文件？</translation>
        </message>
        <message>
            <source>Revoked keys</source>
            <translation>已作废的密钥</translation>
        </message>
        <message>
            <source>A key is revoked when its package was declared lost and a new one issued (or, for old-style signatures, when the expert was given a package of this version). Whoever found the lost package can sign with it. Accept such files only when you are sure the expert sent them. Each is marked in the log. Accept them?</source>
            <translation>评审包挂失并补发新包后，旧包的密钥即作废（旧签名则在该专家领到本版本评审包后作废）。捡到丢失评审包的人可以用它签名。只有确认文件确为专家本人所交时才应接受；每个文件都会在日志中注明。是否接受？</translation>
        </message>
        <message>
            <source>Score files</source>
            <translation>评分文件</translation>
        </message>
        <message>
            <source>Score files and group files (*.xlsx *.evgroup)</source>
            <translation>评分文件和组文件 (*.xlsx *.evgroup)</translation>
        </message>
        <message>
            <source>Score files (*.xlsx)</source>
            <translation>评分文件 (*.xlsx)</translation>
        </message>
        <message>
            <source>Group files (*.evgroup)</source>
            <translation>组文件 (*.evgroup)</translation>
        </message>
        <message>
            <source>Folder of score files</source>
            <translation>评分文件所在文件夹</translation>
        </message>
        <message>
            <source>Merging score files…</source>
            <translation>正在汇总评分文件…</translation>
        </message>
        <message>
            <source>%1 accepted, %2 rejected, %3 already merged.</source>
            <translation>接受 %1 个，拒绝 %2 个，%3 个已汇总过。</translation>
        </message>
        <message>
            <source>Open for scoring</source>
            <translation>打开评分</translation>
        </message>
        <message>
            <source>Generate packages for all experts…</source>
            <translation>为全部专家生成评审包…</translation>
        </message>
        <message>
            <source>Expert:</source>
            <translation>专家：</translation>
        </message>
        <message>
            <source>Experts score in their own package (.evpkg) on their laptops and send back a signed score file. Here the secretariat can score on an expert's behalf; the package is kept in the application's data folder.</source>
            <translation>专家在各自电脑上用本人的评审包（.evpkg）评分，并交回签名的评分文件。秘书处也可在此代专家录入评分；评审包保存在程序的数据文件夹中。</translation>
        </message>
        <message>
            <source>Back to the expert list</source>
            <translation>返回专家列表</translation>
        </message>
        <message>
            <source>Scoring</source>
            <translation>专家评分</translation>
        </message>
        <message>
            <source>Cannot open the package</source>
            <translation>无法打开评审包</translation>
        </message>
        <message>
            <source>Shown for the panel's information; never applied to the scores. Alpha is Krippendorff's alpha (interval, with missing data). Leniency is the mean difference from the other experts on the same alliances.</source>
            <translation>仅供评审组参考，不用于调整分数。α 为 Krippendorff α 系数（等距尺度，允许缺失）；宽严度为该专家与评同一联盟的其他专家之差的平均值。</translation>
        </message>
        <message>
            <source>Leniency per expert (points)</source>
            <translation>各专家宽严度（分）</translation>
        </message>
        <message>
            <source>Agreement (alpha)</source>
            <translation>一致性（α）</translation>
        </message>
        <message>
            <source>Leniency of experts</source>
            <translation>专家宽严度</translation>
        </message>
        <message>
            <source>Panel quality</source>
            <translation>评审质量</translation>
        </message>
        <message>
            <source>Leniency</source>
            <translation>宽严度</translation>
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
            <source>Who is working (recorded with every change)</source>
            <translation>正在操作的人员（记入每一项修改）</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>姓名：</translation>
        </message>
        <message>
            <source>Alliances in the programme, %1 (the shares of "all alliances" and of each batch)</source>
            <translation>%1 年度试点联盟数（“占联盟总数”与各批次占比的分母）</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>来源：%1</translation>
        </message>
        <message>
            <source>All alliances in the programme: %1</source>
            <translation>联盟总数：%1 家</translation>
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
            <source>the evaluation's scoring method</source>
            <translation>评价工作方案的评分方法</translation>
        </message>
        <message>
            <source>default of this software</source>
            <translation>本软件默认值</translation>
        </message>
    </context>
    <context>
        <name>SubmissionsModel</name>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>联盟名称</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>Ind. %1</source>
            <translation>指标%1</translation>
        </message>
        <message>
            <source>Eligibility</source>
            <translation>评价要求</translation>
        </message>
        <message>
            <source>Records under %1</source>
            <translation>%1 下的记录数</translation>
        </message>
    </context>
    <context>
        <name>TotalsModel</name>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>轮次</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总分</translation>
        </message>
        <message>
            <source>In the mean</source>
            <translation>是否计入平均</translation>
        </message>
        <message>
            <source>Dropped (highest)</source>
            <translation>去掉（最高分）</translation>
        </message>
        <message>
            <source>Dropped (lowest)</source>
            <translation>去掉（最低分）</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>计入</translation>
        </message>
    </context>
    <context>
        <name>TraceDialog</name>
        <message>
            <source>Where the score comes from — {code}</source>
            <translation>评分来源 — {code}</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>专家意见</translation>
        </message>
        <message>
            <source>How the score came about</source>
            <translation>计算过程</translation>
        </message>
        <message>
            <source>Indicator scores</source>
            <translation>各指标评分</translation>
        </message>
        <message>
            <source>Score files and comments</source>
            <translation>评分文件与意见</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>操作记录</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>There is no result for this alliance in {year}.</source>
            <translation>该联盟在 {year} 年度没有评价结果。</translation>
        </message>
        <message>
            <source>There are no complete expert scores for this alliance.</source>
            <translation>该联盟没有完整的专家评分。</translation>
        </message>
        <message>
            <source>Rounded half up: {value} → {score} ({band}).</source>
            <translation>四舍五入取整：{value} → {score}（{band}）。</translation>
        </message>
        <message>
            <source>The score is the published figure of the {year} results imported into this workspace; nobody scored this year here.</source>
            <translation>该分数是导入本工作区的 {year} 年度评价结果中公布的分数；本工作区没有该年度的专家评分。</translation>
        </message>
        <message>
            <source>Published band: {band}; the score of an inactive alliance was not published.</source>
            <translation>公布的活跃度：{band}；不活跃联盟的分数未公布。</translation>
        </message>
        <message>
            <source>Published as: {code} {name}.</source>
            <translation>公布时的代码和名称：{code} {name}。</translation>
        </message>
        <message>
            <source>Imported from {source} on {at} by {actor}.</source>
            <translation>导入自 {source}，导入时间 {at}，操作人 {actor}。</translation>
        </message>
        <message>
            <source>Recorded on {at}.</source>
            <translation>记录时间：{at}。</translation>
        </message>
        <message>
            <source>The results of {year} were published on {at} by {actor}; the published score is frozen. How it was computed:</source>
            <translation>{year} 年度结果已于 {at} 由 {actor} 发布，发布的分数已冻结。其计算过程如下：</translation>
        </message>
        <message>
            <source>The scores have changed since: computed now, the score would be {live}. Publish again to update it.</source>
            <translation>发布后评分有变动：按现在的数据计算，分数应为 {live}。再次发布后才会更新。</translation>
        </message>
        <message>
            <source>the plenary accepted the consensus, {score}</source>
            <translation>会评采纳共识分 {score}</translation>
        </message>
        <message>
            <source>the plenary set the final score to {score}</source>
            <translation>会评改定最终得分为 {score}</translation>
        </message>
        <message>
            <source>Plenary decision: {what}. Reason: {reason}. Decided by {actor} on {at}.</source>
            <translation>复核会评决定：{what}。理由：{reason}。决定人 {actor}，时间 {at}。</translation>
        </message>
        <message>
            <source>The consensus before the decision was {value}.</source>
            <translation>决定前的共识分为 {value}。</translation>
        </message>
        <message>
            <source>Superseded earlier decision: {score} by {actor} on {at} ({reason}).</source>
            <translation>已被取代的先前决定：{score}（{actor}，{at}；理由：{reason}）。</translation>
        </message>
        <message>
            <source>For reference, the experts' consensus:</source>
            <translation>专家评分的共识分（供参考）：</translation>
        </message>
        <message>
            <source>{expert}, {round}</source>
            <translation>{expert}，{round}</translation>
        </message>
        <message>
            <source>Consensus of {n} expert totals ({initial} initial, {review} review).</source>
            <translation>共识分取自 {n} 份专家总分（初评 {initial} 份，复评 {review} 份）。</translation>
        </message>
        <message>
            <source>The highest total, {high} ({high_who}), and the lowest, {low} ({low_who}), were dropped; the mean of the other {kept} is {mean}.</source>
            <translation>去掉一个最高分 {high}（{high_who}）和一个最低分 {low}（{low_who}），其余 {kept} 份的平均分为 {mean}。</translation>
        </message>
        <message>
            <source>With fewer than {trim_from} totals none is dropped: the mean of all {n} is {mean}.</source>
            <translation>总分不足 {trim_from} 份，不去掉最高最低分：全部 {n} 份的平均分为 {mean}。</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>{round} mean {mean}</source>
            <translation>{round}平均 {mean}</translation>
        </message>
        <message>
            <source>Median {median}; lowest to highest {min}–{max}; {rounds}.</source>
            <translation>中位数 {median}；最低–最高 {min}–{max}；{rounds}。</translation>
        </message>
        <message>
            <source>Adjusted for the experts' leniency: {value} (for information only; not used).</source>
            <translation>按专家宽严度校正后为 {value}（仅供参考，不计入结果）。</translation>
        </message>
        <message>
            <source>{year}: published score {score}, {band} — {source}</source>
            <translation>{year} 年度：发布分数 {score}，{band} — {source}</translation>
        </message>
        <message>
            <source>{expert} ({round}) · {indicator}: {comment}</source>
            <translation>{expert}（{round}）· {indicator}：{comment}</translation>
        </message>
        <message>
            <source>No comments.</source>
            <translation>没有意见。</translation>
        </message>
    </context>
    <context>
        <name>WorkingNameDialog</name>
        <message>
            <source>Who is working?</source>
            <translation>正在操作的是谁？</translation>
        </message>
        <message>
            <source>Your name is recorded with every change you make in this workspace (imports, plenary decisions, publication). The computer's login is not used.</source>
            <translation>您的姓名将记入您在本工作区所做的每一项修改（导入、复核会评决定、发布结果），不使用电脑的登录账户名。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>稍后</translation>
        </message>
    </context>
    <context>
        <name>YearsModel</name>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>Alliances</source>
            <translation>联盟数</translation>
        </message>
        <message>
            <source>Where the results come from</source>
            <translation>结果来源</translation>
        </message>
    </context>
</TS>
