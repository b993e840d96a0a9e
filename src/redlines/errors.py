"""Every user-facing error of redlines, in one module, each with a code.

The CLI maps them to exit codes (LEDGER.md): InputRejected -> 1 (skipped), UsageError -> 2.
"""

from __future__ import annotations


class RedlinesError(Exception):
    """Base of all redlines errors; `code` is a stable short identifier."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class InputRejected(RedlinesError):
    """An input article was refused (binary, empty, too large, not an article...)."""

    code = "E100"


class UsageError(RedlinesError):
    """The user asked for something malformed (bad date, unknown zone, bad --db URL...)."""

    code = "E200"


class StoreError(RedlinesError):
    """The store could not be opened or is inconsistent."""

    code = "E300"


class GazetteerError(RedlinesError):
    """A gazetteer file failed validation."""

    code = "E400"


class NotFound(RedlinesError):
    """A document, fact or statement id does not exist."""

    code = "E500"
