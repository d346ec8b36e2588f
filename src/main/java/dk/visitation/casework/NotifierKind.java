package dk.visitation.casework;

/** Who made a notification: a professional (school, day care, hospital: gets a receipt), a private person, or anonymous. */
public enum NotifierKind { PROFESSIONAL, PRIVATE, ANONYMOUS }
