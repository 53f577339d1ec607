/** Fills the `CONSOLE_CONNECT_URL_TEMPLATE` placeholders; the HID is URL-encoded, the addresses are stored normalised. */
export function remoteDesktopUrl(template: string, values: { consoleWebUrl: string; consoleUrl: string; computerHid: string }): string {
  return template
    .replaceAll('{consoleWebUrl}', values.consoleWebUrl)
    .replaceAll('{consoleUrl}', values.consoleUrl)
    .replaceAll('{ComputerHID}', encodeURIComponent(values.computerHid));
}
