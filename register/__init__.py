"""The EXPE-CT register: submissions, labels and missions (SQLAlchemy)."""
from .models import Decision, Label, Mission, RegisteredSubmission
from .store import Filed, Register, RegisterDamaged, checks_changed, register_url

__all__ = ["Decision", "Filed", "Label", "Mission", "Register", "RegisterDamaged", "RegisteredSubmission", "checks_changed",
           "register_url"]
