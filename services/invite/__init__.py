"""Invite service: question sets, positions, invitations and candidate links."""
