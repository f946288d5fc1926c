"""Errors the engine raises for a reader: always Turkish, always naming the field."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input from a reader: `field` names the input, `message` says what is wrong, in Turkish."""

    def __init__(self, field: str | None, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)


class ParameterError(Exception):
    """A parameter file that is incomplete, inconsistent or unsourced (for staff, names file and key)."""

    def __init__(self, file: str, key: str | None, message: str):
        self.file = file
        self.key = key
        self.message = message
        where = f"{file} [{key}]" if key else file
        super().__init__(f"{where}: {message}")

    def for_reader(self) -> str:
        """The one Turkish line the CLI and the page show: which file and key, and what is wrong."""
        return f"parametre dosyasında hata, calc/data/{self}. Hesaplayıcı bu tablo düzeltilene kadar çalışmaz."
