"""From the document model to what a submission says: kind, applicant,
expertise, experts, mission facts."""
