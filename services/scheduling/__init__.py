"""Scheduling service: interviewer availability, slots, bookings and live-interview invitations."""
