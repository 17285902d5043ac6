"""What every subcommand prints besides its own prose: JSON, and refusals on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

from evaluator import messages
from evaluator.errors import EvaluatorError


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def print_problems(error: EvaluatorError) -> None:
    print(error.render(messages.current_language()), file=sys.stderr)
