"""Expert packages and score files: package, scores export/import/set/show,
template scores."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from evaluator import messages
from evaluator.rounds import ROUNDS

messages.register({
    "cli.package_written": {
        "zh": "已生成评审包 {path}（{expert}，{round}，{alliances} 家联盟）",
        "en": "Package {path} written ({expert}, {round}, {alliances} alliances)",
    },
    "cli.packages_written": {
        "zh": "已在 {dir} 生成 {count} 个评审包；无分配而跳过：{skipped}",
        "en": "{count} packages written to {dir}; skipped (no assignment): {skipped}",
    },
    "cli.replaces_lost_expert": {
        "zh": "--replaces-lost 只能与 --expert 一起使用：挂失的是某一位专家的评审包",
        "en": "--replaces-lost goes with --expert only: a lost package is one expert's",
    },
    "cli.package_target": {
        "zh": "请用 --expert、--group 或 --all 之一指定生成对象",
        "en": "Give exactly one of --expert, --group or --all",
    },
    "cli.package_out": {
        "zh": "--all 需要 --out-dir；--expert 与 --group 需要 --out",
        "en": "--all needs --out-dir; --expert and --group need --out",
    },
    "cli.scores_exported": {
        "zh": "已导出评分文件 {path}（第 {sequence} 次导出，{scores} 项评分{partial}）",
        "en": "Score file {path} written (export {sequence}, {scores} scores{partial})",
    },
    "cli.scores_imported": {
        "zh": "已导入 {scores} 项评分、{comments} 条意见（{alliances} 家联盟；其中未变 {unchanged} 项）",
        "en": "Imported {scores} scores and {comments} comments ({alliances} alliances; "
              "{unchanged} unchanged)",
    },
    "cli.bad_number": {
        "zh": "“{text}”不是数字",
        "en": "'{text}' is not a number",
    },
    "cli.score_template_written": {
        "zh": "已写出评分模板 {path}（{alliances} 家联盟）",
        "en": "Score template written to {path} ({alliances} alliances)",
    },
    "cli.score_saved": {
        "zh": "已保存：{code} {name}，指标 {indicator} 评 {value} 分（{time}）",
        "en": "Saved: {code} {name}, indicator {indicator} scored {value} ({time})",
    },
    "cli.score_comment_saved": {"zh": "意见：{comment}", "en": "Comment: {comment}"},
    "cli.signature_ok": {"zh": "签名有效", "en": "Signature valid"},
    "cli.signature_bad": {"zh": "签名无效或无法验证", "en": "Signature invalid or unverifiable"},
})


def register(sub: Any) -> None:
    p = sub.add_parser("package", help="生成专家评审包 / write expert packages (.evpkg)")
    p.add_argument("workspace", type=Path)
    p.add_argument("--round", required=True, choices=ROUNDS)
    p.add_argument("--year", type=int)
    p.add_argument("--expert", help="专家姓名 / an expert's name")
    p.add_argument("--group", help="专家组名称（组长用的验签包）/ a group (leader's package)")
    p.add_argument("--all", action="store_true", help="所有有分配的专家 / every expert")
    p.add_argument("--replaces-lost", metavar="REASON", default="",
                   help="该专家本轮原评审包已丢失：作废其旧密钥，原因记入日志 / the expert's "
                   "earlier package of the round is lost: revoke its key (reason logged)")
    p.add_argument("--out", type=Path)
    p.add_argument("--out-dir", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_package)

    p = sub.add_parser("scores", help="专家评分：导出、导入、录入 / an expert's scores")
    ssub = p.add_subparsers(dest="scores_command", metavar="ACTION", required=True)
    q = ssub.add_parser("export", help="导出签名评分文件 / write the signed score file")
    q.add_argument("package", type=Path)
    q.add_argument("--out", type=Path, required=True)
    q.add_argument("--partial", action="store_true",
                   help="允许未评完时导出 / allow unscored indicators")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_scores_export)
    q = ssub.add_parser("import", help="导入填好的评分模板 / read a filled template")
    q.add_argument("package", type=Path)
    q.add_argument("file", type=Path)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_scores_import)
    q = ssub.add_parser("set", help="录入一项评分 / score one indicator")
    q.add_argument("package", type=Path)
    q.add_argument("code", help="联盟代码 / alliance code")
    q.add_argument("indicator", help="指标代码，如 1.1 / indicator code")
    q.add_argument("value")
    q.add_argument("--comment")
    q.add_argument("--json", action="store_true",
                   help="结果以 JSON 输出（在保存提交后才输出）/ the result as JSON, printed "
                        "once the score is committed")
    q.set_defaults(handler=cmd_scores_set)
    q = ssub.add_parser("show", help="查看评分文件并验签 / read a score file and check it")
    q.add_argument("file", type=Path)
    q.add_argument("--package", type=Path,
                   help="专家包或组长包，用于验签 / expert or group package, for the key")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_scores_show)

    kind = _template_subparsers(sub).add_parser(
        "scores", help="空白评分表（供用 Excel/WPS 评分的专家）/ blank score sheet")
    kind.add_argument("package", type=Path)
    kind.add_argument("--out", type=Path, required=True)
    kind.set_defaults(handler=cmd_template_scores)


def _template_subparsers(sub: Any) -> Any:
    """The shared `template` group (made by submissions_commands); made here if absent."""
    try:
        from evaluator.cli.submissions_commands import template_subparsers

        return template_subparsers()
    except (ImportError, RuntimeError):
        pass
    parser = sub.choices.get("template") if hasattr(sub, "choices") else None
    if parser is None:
        parser = sub.add_parser("template", help="写出空白模板 / write a blank template")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="template_kind", metavar="KIND", required=True)


def cmd_package(args: argparse.Namespace) -> int:
    from evaluator.cli.output import print_json
    from evaluator.errors import EvaluatorError
    from evaluator.package_builders import (
        build_all_packages,
        build_expert_package,
        build_group_package,
    )
    from evaluator.progress import TextProgress
    from evaluator.rounds import round_label
    from evaluator.workspace import Workspace

    targets = [bool(args.expert), bool(args.group), bool(args.all)]
    if sum(targets) != 1:
        raise EvaluatorError("cli.package_target")
    if args.replaces_lost.strip() and not args.expert:
        raise EvaluatorError("cli.replaces_lost_expert")
    if (args.all and not args.out_dir) or (not args.all and not args.out):
        raise EvaluatorError("cli.package_out")
    with Workspace.open(args.workspace) as ws:
        if args.all:
            result = build_all_packages(ws, args.year, args.round, args.out_dir,
                                        TextProgress())
            if args.json:
                print_json({"packages": [{"path": str(b.path), "expert": b.expert,
                                          "alliances": b.alliances} for b in result.built],
                            "skipped": result.skipped})
            else:
                print(messages.text("cli.packages_written", dir=args.out_dir,
                                    count=len(result.built),
                                    skipped="、".join(result.skipped) or "-"))
            return 0
        if args.expert:
            built = build_expert_package(ws, args.year, args.round, args.expert, args.out,
                                         replaces_lost=args.replaces_lost.strip())
        else:
            built = build_group_package(ws, args.year, args.round, args.group, args.out)
    if args.json:
        print_json({"path": str(built.path), "expert": built.expert, "round": built.round,
                    "alliances": built.alliances})
    else:
        print(messages.text("cli.package_written", path=built.path, expert=built.expert,
                            round=round_label(built.round), alliances=built.alliances))
    return 0


def cmd_scores_export(args: argparse.Namespace) -> int:
    from evaluator.cli.output import print_json
    from evaluator.expert_package import Package
    from evaluator.scorefile_export import export_score_file

    with Package.open(args.package) as pkg:
        result = export_score_file(pkg, args.out, partial=args.partial)
    if args.json:
        print_json({"path": str(result.path), "sequence": result.sequence,
                    "sha256": result.sha256, "partial": result.partial,
                    "scores": result.scores})
    else:
        partial = ("，未评完" if messages.current_language() == "zh" else ", partial") \
            if result.partial else ""
        print(messages.text("cli.scores_exported", path=result.path, sequence=result.sequence,
                            scores=result.scores, partial=partial))
    return 0


def cmd_scores_import(args: argparse.Namespace) -> int:
    from evaluator.cli.output import print_json
    from evaluator.expert_package import Package
    from evaluator.scoring import import_score_template

    with Package.open(args.package) as pkg:
        result = import_score_template(pkg, args.file)
    if args.json:
        print_json({"scores": result.scores, "comments": result.comments,
                    "alliances": result.alliances, "unchanged": result.unchanged})
    else:
        print(messages.text("cli.scores_imported", scores=result.scores,
                            comments=result.comments, alliances=result.alliances,
                            unchanged=result.unchanged))
    return 0


def cmd_scores_set(args: argparse.Namespace) -> int:
    from evaluator.cli.output import print_json
    from evaluator.errors import EvaluatorError
    from evaluator.expert_package import Package
    from evaluator.packages import format_value
    from evaluator.scoring import parse_score_text
    from evaluator.timefmt import local_time

    try:
        value = parse_score_text(args.value)
    except ValueError:
        value = None
    if value is None:
        raise EvaluatorError("cli.bad_number", text=args.value)
    with Package.open(args.package) as pkg:
        saved_at = pkg.set_score(args.code, args.indicator, value, args.comment)
        alliance = pkg.alliance(args.code)
        comment = pkg.score(alliance.id, args.indicator)
    # Printed only after the commit returned: a caller may rely on it (durability test).
    if args.json:
        print_json({"alliance": alliance.code, "indicator": args.indicator,
                    "value": value, "comment": comment.comment if comment else None,
                    "saved_at": saved_at})
    else:
        print(messages.text("cli.score_saved", code=alliance.code, name=alliance.name,
                            indicator=args.indicator, value=format_value(value),
                            time=local_time(saved_at)))
        if args.comment:
            print(messages.text("cli.score_comment_saved", comment=args.comment))
    sys.stdout.flush()
    return 0


def cmd_scores_show(args: argparse.Namespace) -> int:
    from evaluator.cli.output import print_json
    from evaluator.expert_package import Package
    from evaluator.group_merge import member_signature_problems
    from evaluator.group_package import GroupPackage
    from evaluator.messages import render_problem
    from evaluator.packages import package_kind
    from evaluator.scorefile import read_score_file, verify_legacy_signature, verify_signature

    sf = read_score_file(args.file)
    verified: bool | None = None
    if args.package:
        name = sf.expert.strip()
        if package_kind(args.package) == "expert":
            with Package.open(args.package) as pkg:
                verified = name == pkg.expert and (
                    verify_signature(sf, pkg.public_key) if pkg.signing_key
                    else verify_legacy_signature(sf, pkg.legacy_secret))
        else:
            with GroupPackage.open(args.package) as grp:
                verified = grp.is_member(name) and not sf.errors and bool(sf.signature) \
                    and not member_signature_problems(grp, sf, name)
    if args.json:
        print_json({"expert": sf.expert, "round": sf.round, "year": sf.year,
                    "fingerprint": sf.fingerprint, "sequence": sf.sequence,
                    "exported_at": sf.exported_at, "complete": sf.complete,
                    "sha256": sf.sha256, "alliances": len(sf.names), "scores": len(sf.rows),
                    "comments": len(sf.comments), "verified": verified,
                    "key_fingerprint": sf.key_fingerprint or None,
                    "legacy_signature": sf.legacy_signature,
                    "problems": [p.as_dict() for p in sf.problems]})
    else:
        from evaluator.cli.human import print_fields
        from evaluator.rounds import round_label
        from evaluator.timefmt import local_time

        print_fields([("expert", sf.expert), ("round", round_label(sf.round)),
                      ("year", sf.year), ("sequence", sf.sequence),
                      ("exported_at", local_time(sf.exported_at) if sf.exported_at else None),
                      ("score_sets", len(sf.names)), ("scores", len(sf.rows)),
                      ("sha256", sf.sha256)])
        for problem in sf.problems:
            print(render_problem(problem))
        if verified is not None:
            print(messages.text("cli.signature_ok" if verified else "cli.signature_bad"))
    return 0 if sf.ok and verified is not False else 2


def cmd_template_scores(args: argparse.Namespace) -> int:
    from evaluator.expert_package import Package
    from evaluator.scoring import write_score_template

    with Package.open(args.package) as pkg:
        write_score_template(pkg, args.out)
        count = len(pkg.alliances())
    print(messages.text("cli.score_template_written", path=args.out, alliances=count))
    return 0
