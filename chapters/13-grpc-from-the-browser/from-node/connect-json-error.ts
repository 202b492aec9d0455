// What exercise 13-A's hand-made Connect call throws for an error reply: the
// Connect protocol's JSON error body, {"code": "invalid_argument", "message": …}.
export class ConnectJsonError extends Error {
  constructor(
    /** The Connect code as sent: "invalid_argument", "not_found", … */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = `ConnectJsonError[${code}]`;
  }
}
