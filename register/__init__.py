"""The EXPE-CT register: submissions, labels and missions (SQLAlchemy)."""
from .models import Label, Mission, Submission
from .store import Filed, Register, RegisterDamaged, checks_changed, register_url

__all__ = ["Filed", "Label", "Mission", "Register", "RegisterDamaged", "Submission", "checks_changed", "register_url"]
