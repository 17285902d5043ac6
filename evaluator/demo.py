"""The demo workspace: a complete 2018 evaluation built from the report's annexes.

Facts come from the annexes shipped in resources/demo (copies of ../shared/reference):
the registry (annex 2's 88 evaluated alliances and the 11 stalled ones of section 七),
the 32-person panel of annex 1, the 2018 published results (annex 2) as that year's
history, and annex 3's A-level list. Synthetic but plausible: the alliances' records,
the 2016-2017 history (consistent with annex 3: the 19 A-level alliances are high in both
years), and two rounds of expert scores whose consensus reproduces annex 2's scores,
with a few planted disagreements for the plenary and a lenient and a harsh expert.
"""

from __future__ import annotations

import csv
import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluator.progress import NullProgress, Progress, check
from evaluator.registry import add_alias, add_alliance, find_by_code, normalize_code
from evaluator.resources import resource_path
from evaluator.rubric import Rubric
from evaluator.score_sets import INSERT_SET, score_set_rows
from evaluator.workspace import Workspace

YEAR = 2018
BAND_OF_ANNEX = {"high": "high", "fairly_high": "fairly_high", "average": "average",
                 "inactive": "inactive"}

# Planted disagreements (method.md flags), by alliance code.
PLANTED_SPLIT = "127"  # two camps ±10.5: F2 large spread
PLANTED_LONE = "353"  # one expert 15 below the rest: F3 lone dissenter
PLANTED_GROUPS = "234"  # initial group +5, review group -5: F4 group versus group
LENIENT_EXPERT = "王鹏"
HARSH_EXPERT = "袁节平"

# Report 四.2: among the 30 high alliances, 29 had external commissioned projects (2.3);
# among the 15 fairly-high ones the nine activities were carried out by
# 12, 14, 6, 14, 11, 15, 15, 15, 15. The synthetic records reproduce these counts.
FAIRLY_HIGH_ACTIVITY = {"2.1": 12, "2.2": 14, "2.3": 6, "2.4": 14, "2.5": 11,
                        "2.6": 15, "2.7": 15, "2.8": 15, "2.9": 15}
HIGH_ACTIVITY_MISSING = {"2.3": 1}

GROUPS = ("第一组", "第二组", "第三组", "第四组")

RECORD_TITLES: dict[str, tuple[str, ...]] = {
    "1.1": ("{y}年第一次理事会", "{y}年理事会（扩大）会议", "理事会通讯会议"),
    "1.2": ("专家委员会年度会议", "技术委员会技术路线研讨会"),
    "1.3": ("{y}年度成员大会", "成员大会暨年度工作总结会"),
    "1.4": ("秘书处月度工作例会", "修订《秘书处工作制度》"),
    "1.5": ("秘书处专职人员配备", "对外联络与信息报送"),
    "1.6": ("联盟网站改版上线", "网站动态更新（全年）"),
    "2.1": ("联盟自设项目：{core}关键工艺联合攻关", "联盟自设项目：{core}共性技术平台研究"),
    "2.2": ("国家重点研发计划项目（联盟组织申报）", "省级科技计划项目"),
    "2.3": ("企业委托：{core}技术评估", "行业协会委托课题"),
    "2.4": ("专利池共享协议", "成员间专利许可"),
    "2.5": ("团体标准《{core}技术规范》", "参与制定国家标准《{core}通用要求》"),
    "2.6": ("共建{core}联合实验室", "联盟共性技术研发中心"),
    "2.7": ("{y}中国{core}产业发展论坛", "{core}技术成果展"),
    "2.8": ("《{core}产业发展报告（{y}）》", "{core}产业技术路线图"),
    "2.9": ("与兄弟联盟签署合作协议", "联盟间跨领域交流会"),
    "3.1": ("{core}产业链上下游协同创新", "构建{core}技术创新链"),
    "3.2": ("突破{core}核心技术（专利授权）", "成果鉴定：国际先进水平"),
    "3.3": ("{core}新技术推广会", "面向中小企业技术服务"),
    "3.4": ("{core}技术骨干培训班", "联合培养研究生"),
    "3.5": ("科技日报专题报道", "行业媒体报道"),
}
CONTACTS = ("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴")


@dataclass
class DemoAlliance:
    code: str
    name: str
    band: str
    published: int | None
    target: float
    id: int = 0
    activities: set[str] = field(default_factory=set)


def _read_csv(name: str) -> list[dict[str, str]]:
    with resource_path("demo", name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def build_demo(path: Path | str, progress: Progress | None = None) -> dict[str, Any]:
    """Write the demo workspace to `path` (which must not exist) and return a summary."""
    progress = progress or NullProgress()
    rng = random.Random(YEAR)
    ws = Workspace.create(path, year=YEAR, actor="演示数据",
                          title="2018 年度产业技术创新战略联盟活跃度评价（演示）")
    try:
        with ws.transaction():
            progress.report(0, 6, "registry")
            alliances = _build_registry(ws, rng)
            check(progress)
            progress.report(1, 6, "history")
            _build_history(ws, alliances, rng)
            progress.report(2, 6, "submissions")
            _build_submissions(ws, alliances, rng)
            check(progress)
            progress.report(3, 6, "panel")
            experts = _build_panel(ws)
            progress.report(4, 6, "assignments")
            from evaluator.assignments import assign_round

            assign_round(ws, YEAR, "initial", seed=YEAR)
            assign_round(ws, YEAR, "review", seed=YEAR)
            check(progress)
            progress.report(5, 6, "scores")
            _build_scores(ws, alliances, experts, ws.rubric(YEAR), rng)
            ws.audit("create", "demo", str(YEAR), None, {"alliances": len(alliances)})
        progress.report(6, 6, "")
        summary = {
            "alliances": ws.count("alliances"),
            "experts": ws.count("experts"),
            "scores": ws.count("scores"),
        }
    except BaseException:
        ws.close()
        Path(path).unlink(missing_ok=True)
        raise
    ws.close()
    return summary


def _build_registry(ws: Workspace, rng: random.Random) -> list[DemoAlliance]:
    alliances: list[DemoAlliance] = []
    for row in _read_csv("annex2_results_2018.csv"):
        published = int(row["score"]) if row["score"] else None
        # Inactive scores are not published (annex 2); the demo's panel scores them
        # somewhere in the inactive band.
        target = float(published) if published is not None else float(rng.randint(24, 46))
        alliance = add_alliance(ws, row["code"], row["alliance"])
        alliances.append(DemoAlliance(code=alliance.code, name=alliance.name,
                                      band=BAND_OF_ANNEX[row["band"]], published=published,
                                      target=target, id=alliance.id))
    for row in _read_csv("registry_notes.csv"):
        code = normalize_code(row["code"])
        existing = find_by_code(ws, code)
        if existing is None:
            existing = add_alliance(ws, code, row["alliance"])
        for alias in filter(None, row["former_names"].split(";")):
            add_alias(ws, existing.id, "name", alias, row["note"])
        for alias in filter(None, row["former_codes"].split(";")):
            add_alias(ws, existing.id, "code", alias, row["note"])
    return alliances


def _history_score(band: str, rng: random.Random) -> int | None:
    low, high = {"high": (85, 100), "fairly_high": (70, 84), "average": (50, 69),
                 "inactive": (20, 49)}[band]
    return rng.randint(low, high) if band != "inactive" else None


def _build_history(ws: Workspace, alliances: list[DemoAlliance], rng: random.Random) -> None:
    a_level = {normalize_code(r["code"]) for r in _read_csv("annex3_a_level_2016_2018.csv")}
    former_code = {"109": "110"}
    bands = ("high", "fairly_high", "average", "inactive")
    rows: list[dict[str, Any]] = []
    for alliance in alliances:
        rows.append({"year": YEAR, "alliance_id": alliance.id, "score": alliance.published,
                     "band": alliance.band, "source": "history",
                     "code_as_published": alliance.code, "name_as_published": alliance.name,
                     "recorded_at": "2019-03-01T10:00:00+08:00"})
        if alliance.code.startswith("d"):
            continue  # network members joined in 2018 (report 一)
        published_code = former_code.get(alliance.code, alliance.code)
        for year in (2016, 2017):
            if published_code in a_level:
                band = "high"
            elif alliance.band == "high":
                band = "fairly_high" if year == 2017 else rng.choice(("high", "fairly_high"))
            else:
                i = bands.index(alliance.band) + rng.choice((-1, 0, 0, 1))
                band = bands[min(max(i, 0), 3)]
                if band == "high" and year == 2017:
                    band = "fairly_high"
            rows.append({"year": year, "alliance_id": alliance.id,
                         "score": _history_score(band, rng), "band": band, "source": "history",
                         "code_as_published": published_code,
                         "name_as_published": alliance.name,
                         "recorded_at": f"{year + 1}-03-01T10:00:00+08:00"})
    ws.db.table("results").insert_all(rows)
    ws.audit("import", "history", "2016-2018", None,
             {"rows": len(rows), "source": "演示数据：2018 年为报告附件 2，2016—2017 年为模拟"})


def _choose_activities(alliances: list[DemoAlliance], rubric: Rubric,
                       rng: random.Random) -> None:
    codes = rubric.codes
    by_band: dict[str, list[DemoAlliance]] = {}
    for alliance in alliances:
        by_band.setdefault(alliance.band, []).append(alliance)
    for band, members in by_band.items():
        for alliance in members:
            share = alliance.target / 100
            for code in codes:
                if band in ("high", "fairly_high") and code[0] in "13":
                    carried = band == "high" or rng.random() < 0.9
                elif band in ("high", "fairly_high"):
                    carried = True  # group 2 counts are set exactly below
                else:
                    carried = rng.random() < share * (0.8 if code in ("2.1", "2.3", "2.5",
                                                                      "3.1", "3.5") else 1.1)
                if carried:
                    alliance.activities.add(code)
            # Eligibility needs at least one record under each first-level indicator.
            for group in ("1", "2", "3"):
                if not any(c.startswith(group + ".") for c in alliance.activities):
                    alliance.activities.add(rng.choice([c for c in codes
                                                        if c.startswith(group + ".")]))
    for band, missing in (("high", HIGH_ACTIVITY_MISSING),
                          ("fairly_high", {c: 15 - n for c, n in FAIRLY_HIGH_ACTIVITY.items()})):
        members = sorted(by_band.get(band, []), key=lambda a: a.target)
        for code, count in missing.items():
            for alliance in rng.sample(members[: max(count * 2, count)], count):
                alliance.activities.discard(code)


def _build_submissions(ws: Workspace, alliances: list[DemoAlliance],
                       rng: random.Random) -> None:
    from evaluator.registry import core_name

    rubric = ws.rubric(YEAR)
    _choose_activities(alliances, rubric, rng)
    for alliance in alliances:
        core = core_name(alliance.name)
        filed = f"2018-12-{rng.randint(10, 28):02d}"
        sid = ws.db.table("submissions").insert({
            "year": YEAR, "alliance_id": alliance.id, "name_as_filed": alliance.name,
            "contact": rng.choice(CONTACTS) + rng.choice(("老师", "主任", "秘书长助理")),
            "phone": f"010-{rng.randint(60000000, 89999999)}", "filed_on": filed,
            "extra_json": "{}", "source_file": "联盟动态信息数据库导出（演示）.xlsx",
            "imported_at": "2019-01-03T09:00:00+08:00"}).last_pk
        records: list[dict[str, Any]] = []
        for code in rubric.codes:
            if code not in alliance.activities:
                continue
            titles = RECORD_TITLES[code]
            count = 1 + int(rng.random() * 3 * alliance.target / 100)
            for i in range(count):
                title = titles[i % len(titles)].format(y=YEAR, core=core)
                if i >= len(titles):
                    title += f"（{i + 1}）"
                month = rng.randint(1, 12)
                records.append({
                    "submission_id": sid, "indicator_code": code, "title": title,
                    "record_date": f"{YEAR}-{month:02d}-{rng.randint(1, 28):02d}",
                    "description": f"{alliance.name}{title}，成员单位{rng.randint(3, 40)}家参与。",
                    "quantity": rng.randint(1, 30) if code[0] in "23" else None,
                    "link": f"http://www.example.org.cn/{alliance.code}/{code}/{i + 1}",
                    "extra_json": "{}", "sort": len(records)})
        ws.db.table("submission_records").insert_all(records)
    ws.audit("import", "submissions", str(YEAR), None,
             {"alliances": len(alliances), "source": "demo"})


def _build_panel(ws: Workspace) -> dict[str, int]:
    from evaluator.panel import add_expert, ensure_group, set_group_leader

    groups = [ensure_group(ws, YEAR, name) for name in GROUPS]
    experts: dict[str, int] = {}
    # All 32 members of annex 1 score, the advisor included (placed in a group by hand).
    for scorers, row in enumerate(_read_csv("annex1_panel_2018.csv")):
        group = GROUPS[scorers % len(GROUPS)]
        expert_id = add_expert(ws, YEAR, row["name"], row["role"], organisation=row["alliance"],
                               title=row["title"], group=group)
        experts[row["name"]] = expert_id
    # The leader and the two deputy leaders lead the first three groups (annex 1).
    leaders = [r["name"] for r in _read_csv("annex1_panel_2018.csv")
               if r["role"] in ("leader", "deputy_leader")]
    for name in leaders:
        set_group_leader(ws, experts[name])
    fourth = ws.db.execute(
        "SELECT e.id FROM experts e JOIN expert_groups g ON g.id = e.group_id"
        " WHERE g.id = ? AND e.role = 'member' ORDER BY e.sort, e.id LIMIT 1",
        (groups[3],)).fetchone()
    if fourth:
        set_group_leader(ws, fourth[0])
    return experts


def _deviations(alliance: DemoAlliance, scorers: list[tuple[str, int]],
                lenient: int | None, harsh: int | None,
                rng: random.Random) -> dict[tuple[str, int], float]:
    """Per-scorer deviation from the target whose trimmed mean is exactly zero."""
    t = alliance.target
    room_up, room_down = 100 - t, t
    devs: dict[tuple[str, int], float] = {}
    others = [s for s in scorers if s[1] not in (lenient, harsh)]
    rng.shuffle(others)
    if alliance.code == PLANTED_SPLIT:
        # Two equal camps (and one in the middle when the count is odd): a wide spread
        # that no single expert owns.
        for i, s in enumerate(scorers):
            devs[s] = 0.0 if i == len(scorers) - 1 and len(scorers) % 2 else (
                10.5 if i % 2 == 0 else -10.5)
        return devs
    if alliance.code == PLANTED_GROUPS:
        for s in scorers:
            devs[s] = (5.0 if s[0] == "initial" else -5.0) + rng.choice((-0.5, 0.0, 0.5))
        return devs
    cap = min(3.0, room_up, room_down)
    extremes: list[float] = []
    for s in scorers:
        if s[1] == lenient:
            devs[s] = min(7.0, room_up)
            extremes.append(devs[s])
        elif s[1] == harsh:
            devs[s] = -min(7.0, room_down)
            extremes.append(devs[s])
    if alliance.code == PLANTED_LONE and others:
        devs[others.pop()] = -15.0
        extremes.append(-15.0)
    # A lone extreme on one side needs a lone extreme on the other so that dropping the
    # highest and the lowest leaves symmetric pairs.
    if len(extremes) == 1 and others:
        devs[others.pop()] = min(cap + 1, room_up) if extremes[0] < 0 else -min(cap + 1,
                                                                                  room_down)
    while len(others) >= 2:
        m = rng.choice([x / 2 for x in range(0, int(cap * 2) + 1)])
        devs[others.pop()] = m
        devs[others.pop()] = -m
    for s in others:
        devs[s] = 0.0
    _balance_trimmed_mean(devs)
    return devs


def _balance_trimmed_mean(devs: dict[tuple[str, int], float]) -> None:
    """Shift the most central scorer so that the mean without the highest and the lowest
    deviation is exactly zero (the published score is then the consensus)."""
    if len(devs) < 5:
        return
    ordered = sorted(devs, key=lambda k: devs[k])
    middle = ordered[1:-1]
    residual = sum(devs[k] for k in middle)
    if residual:
        central = min(middle, key=lambda k: abs(devs[k]))
        devs[central] -= residual


def _indicator_values(total: float, carried: set[str], rubric: Rubric,
                      rng: random.Random, dissent: tuple[str, ...] = ()) -> dict[str, float]:
    step = rubric.step
    weights = {i.code: (1.0 if i.code in carried else 0.15) * (0.2 if i.code in dissent else 1)
               for i in rubric.indicators}
    wsum = sum(weights.values())
    values = {}
    for ind in rubric.indicators:
        ideal = min(ind.max_points, total * weights[ind.code] / wsum)
        values[ind.code] = round(ideal / step) * step
    codes = list(values)
    current = sum(values.values())
    guard = 0
    while abs(current - total) >= step / 2 and guard < 10_000:
        guard += 1
        code = rng.choice(codes)
        if current < total and values[code] + step <= rubric.indicator(code).max_points:
            if code in carried or rng.random() < 0.2:
                values[code] += step
                current += step
        elif (current > total and values[code] - step >= 0
              and (code not in carried or rng.random() < 0.3)):
            values[code] -= step
            current -= step
    return values


def _build_scores(ws: Workspace, alliances: list[DemoAlliance], experts: dict[str, int],
                  rubric: Rubric, rng: random.Random) -> None:
    lenient, harsh = experts.get(LENIENT_EXPERT), experts.get(HARSH_EXPERT)
    names = {v: k for k, v in experts.items()}
    by_id = {a.id: a for a in alliances}
    scorers: dict[int, list[tuple[str, int]]] = {}
    for round_, alliance_id, expert_id in ws.db.execute(
            "SELECT round, alliance_id, expert_id FROM assignments WHERE year = ?"
            " ORDER BY round, alliance_id, expert_id", (YEAR,)):
        scorers.setdefault(alliance_id, []).append((round_, expert_id))
    files: dict[tuple[str, int], int] = {}
    for key in sorted({s for lst in scorers.values() for s in lst}):
        round_, expert_id = key
        day = "2019-01-18T16:00:00+08:00" if round_ == "initial" else "2019-02-15T11:00:00+08:00"
        files[key] = int(ws.db.table("score_files").insert({
            "year": YEAR, "round": round_, "expert_id": expert_id, "sequence": 1,
            "sha256": hashlib.sha256(f"{YEAR}:{round_}:{expert_id}".encode()).hexdigest(),
            "file_name": f"{names[expert_id]}_{'初评' if round_ == 'initial' else '复评'}_1.xlsx",
            "signed": 1, "status": "accepted", "exported_at": day, "received_at": day,
            "content_json": None}).last_pk or 0)
    sets: list[tuple[int, str, int, int, str, str, str, int | None]] = []
    count = 0
    for alliance_id, panel in sorted(scorers.items()):
        alliance = by_id[alliance_id]
        devs = _deviations(alliance, panel, lenient, harsh, rng)
        for key in panel:
            round_, expert_id = key
            total = min(100.0, max(0.0, alliance.target + devs[key]))
            dissent = ("2.1", "2.3", "2.5") if devs[key] <= -15 else ()
            values = _indicator_values(total, alliance.activities, rubric, rng, dissent)
            at = "2019-01-15T10:00:00+08:00" if round_ == "initial" else \
                "2019-02-15T09:30:00+08:00"
            comments: list[tuple[str, str, str]] = []
            for code, value in values.items():
                if dissent and code in dissent:
                    comments.append(("", code, "证明材料不足：仅有立项通知，缺少联盟组织实施的依据"))
                elif value == 0 and code in alliance.activities:
                    comments.append(("", code, "填报记录与本指标评分标准不符"))
            sets.extend(score_set_rows(YEAR, round_, expert_id, {"": alliance_id},
                                       [("", code, v) for code, v in values.items()],
                                       comments, at, files[key]))
            count += len(values)
    ws.db.conn.executemany(INSERT_SET, sets)
    ws.audit("import", "scores", str(YEAR), None,
             {"rows": count, "files": len(files), "source": "demo"})


def demo_facts() -> dict[str, Any]:
    """What the demo is built from, for tests and the About box."""
    return {
        "annex2": len(_read_csv("annex2_results_2018.csv")),
        "panel": len(_read_csv("annex1_panel_2018.csv")),
        "stalled": len(_read_csv("stalled_2016_2018.csv")),
        "planted": {"F2": PLANTED_SPLIT, "F3": PLANTED_LONE, "F4": PLANTED_GROUPS},
        "lenient": LENIENT_EXPERT, "harsh": HARSH_EXPERT,
    }
