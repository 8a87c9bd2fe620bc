"""The review workstation: a French web application over a data home
(`expe-ct web`).  Accounts, sessions, the audit log and the staff's
corrections live in their own database beside the register
(`<home>/poste.sqlite`); the machine's records are only ever read."""
