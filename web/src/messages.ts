/** A message's first letter in capitals: it starts a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/**
 * A field's label and the server's message about it as one sentence: "must
 * be after …" reads on from the label ("Closing date must be after …"); a
 * message that names the field itself ("the release date can be at most …")
 * is a sentence already, so the label is not said twice; any other message
 * follows the label after a colon.
 */
export function fieldMessage(label: string, message: string): string {
  if (message.toLowerCase().startsWith(`the ${label.toLowerCase()}`)) return sentence(message);
  return sentence(/^[a-z]/.test(message) ? `${label} ${message}` : `${label}: ${message}`);
}
