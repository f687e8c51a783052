/**
 * The postbus: a service that watches an IMAP mailbox, works out each allowed sender's attachments through the
 * registry (as {@code batch} does, in memory), replies with the workbooks and files the mail, exactly once per mail
 * across crashes thanks to a status journal (an fsync'ed append-only log). May use the root package, {@code api},
 * {@code core}, {@code rules}, {@code batch} and the internal packages; Jakarta Mail (Angus) for IMAP and SMTP.
 */
package nl.rekenblad.postbus;
