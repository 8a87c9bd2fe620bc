"""The EXPE-CT register: submissions, labels and missions (SQLAlchemy)."""
from .models import Label, Mission, Submission
from .store import Filed, Register, checks_changed, register_url

__all__ = ["Filed", "Label", "Mission", "Register", "Submission", "checks_changed", "register_url"]
