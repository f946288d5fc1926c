"""Hesap: calculators for Turkish public-sector union members, pure Python (stdlib only)."""

from .errors import InputError, ParameterError
from .calculator import Calculator
from .registry import calculators, get, run

__all__ = ["Calculator", "InputError", "ParameterError", "calculators", "get", "run"]
__version__ = "0.1.0"
