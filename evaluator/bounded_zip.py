"""Zip archives (an .xlsx, a group file) opened with their sizes checked from the central
directory before anything is inflated: members, total size and ratio bounded (a zip bomb
is refused, not unpacked).
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from evaluator.errors import EvaluatorError, Problem
from evaluator.file_reading import (
    MAX_FILE_BYTES,
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_RATIO,
    ZIP_MAGIC,
    open_regular_file,
    short_reason,
)
from evaluator.messages import Text

# -- zip archives: sizes from the directory, checked before anything is inflated ---------

@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 1_000
    max_member_bytes: int = 100_000_000
    max_total_bytes: int = MAX_UNZIPPED_BYTES
    max_ratio: float = MAX_ZIP_RATIO


WORKBOOK_ZIP_LIMITS = ZipLimits()
_EOCD = b"PK\x05\x06"
_MAX_CENTRAL_DIRECTORY = 4_000_000  # ~40,000 entries: far above any real workbook


class BoundedZip:
    """A zip archive (in memory) whose members are listed and inflated within `ZipLimits`:
    the member count, each member's and the total inflated size and the ratio are checked
    from the central directory before anything is inflated; `zipfile` then stops inflating
    a member at its recorded size (and checks its CRC), so a lying directory cannot help."""

    def __init__(self, data: bytes | IO[bytes], name: str,
                 limits: ZipLimits = WORKBOOK_ZIP_LIMITS, kind: str = "not_xlsx") -> None:
        self.name = name
        self.limits = limits
        self._kind = kind
        source = io.BytesIO(data) if isinstance(data, bytes) else data
        size = source.seek(0, io.SEEK_END)
        source.seek(0)
        if source.read(4) != ZIP_MAGIC:
            raise self._refuse("no_zip_signature")
        source.seek(max(0, size - 65_557))
        self._check_directory_size(source.read())
        source.seek(0)
        self._source = source
        try:
            self._zip = zipfile.ZipFile(source)
            infos = self._zip.infolist()
        except Exception as exc:  # damaged archives raise BadZipFile, ValueError, ...
            raise self._refuse("broken_zip", detail=short_reason(exc)) from None
        if len(infos) > limits.max_members:
            raise self._too_many(len(infos))
        seen: set[str] = set()
        total = 0
        for info in infos:
            if info.filename in seen:
                raise self._refuse("member_twice", member=info.filename[:80])
            seen.add(info.filename)
            if info.flag_bits & 0x1:
                raise self._refuse("member_encrypted", member=info.filename[:80])
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self._refuse("member_compression", member=info.filename[:80])
            if info.file_size > limits.max_member_bytes:
                raise self._too_large(info.filename, info.file_size, limits.max_member_bytes)
            total += info.file_size
        ratio = total / max(size, 1)
        if total > limits.max_total_bytes or ratio > limits.max_ratio:
            raise EvaluatorError(Problem("reading.zip_bomb", {
                "unzipped": total, "ratio": round(ratio)}, file=name))
        self.infos = {i.filename: i for i in infos}
        self.size = size

    def _refuse(self, reason: str, **params: str) -> EvaluatorError:
        """Refused as not a workbook (or not an archive) for `reading.reason.<reason>`."""
        code = "reading.not_xlsx" if self._kind == "not_xlsx" else "reading.not_zip"
        return EvaluatorError(Problem(code, {"reason": Text(f"reading.reason.{reason}", params)},
                                      file=self.name))

    def _too_large(self, member: str, size: int, limit: int) -> EvaluatorError:
        return EvaluatorError(Problem("reading.zip_member_too_large", {
            "member": member[:80], "size": size, "limit": limit}, file=self.name))

    def _too_many(self, count: int | str) -> EvaluatorError:
        return EvaluatorError(Problem("reading.zip_too_many_members", {
            "count": count, "limit": self.limits.max_members}, file=self.name))

    def _check_directory_size(self, tail: bytes) -> None:
        """Refuse before `zipfile` builds an object per directory entry for a huge one."""
        at = tail.rfind(_EOCD)
        if at < 0 or at + 22 > len(tail):
            raise self._refuse("no_zip_directory")
        entries, cd_size = struct.unpack("<HI", tail[at + 10: at + 16])
        if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
            raise self._too_many("≥ 65535")
        if entries > self.limits.max_members or cd_size > _MAX_CENTRAL_DIRECTORY:
            raise self._too_many(entries)

    def names(self) -> list[str]:
        return list(self.infos)

    def open(self, member: str) -> IO[bytes]:
        try:
            return self._zip.open(self.infos[member])
        except KeyError:
            raise self._refuse("no_member", member=member[:80]) from None
        except Exception as exc:
            raise self._refuse("member_damaged", member=member[:80],
                               detail=short_reason(exc)) from None

    def read(self, member: str, max_bytes: int | None = None) -> bytes:
        """A member's bytes, refused if it is larger than `max_bytes` (or the member limit)."""
        info = self.infos.get(member)
        if info is None:
            raise self._refuse("no_member", member=member[:80])
        limit = self.limits.max_member_bytes if max_bytes is None else max_bytes
        if info.file_size > limit:
            raise self._too_large(member, info.file_size, limit)
        try:
            with self._zip.open(info) as fh:
                data = fh.read(limit + 1)
        except EvaluatorError:
            raise
        except Exception as exc:  # bad CRC, truncated deflate stream, ...
            raise self._refuse("member_damaged", member=member[:80],
                               detail=short_reason(exc)) from None
        if len(data) > limit:
            raise self._too_large(member, len(data), limit)
        return data

    def close(self) -> None:
        self._zip.close()
        self._source.close()

    def __enter__(self) -> BoundedZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_zip(path: Path | str, limits: ZipLimits, *, max_bytes: int = MAX_FILE_BYTES
             ) -> BoundedZip:
    """A zip file read within `limits` (for `.evgroup` files and other archives); the file
    stays open (not read into memory) until the archive is closed."""
    path = Path(path)
    fh = open_regular_file(path, max_bytes)
    try:
        return BoundedZip(fh, path.name, limits, kind="zip")
    except BaseException:
        fh.close()
        raise
