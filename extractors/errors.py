"""Errors a user sees: one line, naming the file."""


class DocumentError(Exception):
    """A document that cannot be read or extracted; str() is a one-line message naming the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
