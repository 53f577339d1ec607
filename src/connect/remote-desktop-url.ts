/** Fills the `CONSOLE_CONNECT_URL_TEMPLATE` placeholders; the HID is URL-encoded, the addresses are stored normalised. */
export function remoteDesktopUrl(template: string, values: { consoleWebUrl: string; consoleUrl: string; computerHid: string }): string {
  return template
    .split('{consoleWebUrl}')
    .join(values.consoleWebUrl)
    .split('{consoleUrl}')
    .join(values.consoleUrl)
    .split('{ComputerHID}')
    .join(encodeURIComponent(values.computerHid));
}
