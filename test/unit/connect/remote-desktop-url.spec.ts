import { readConnectConfig } from '../../../src/config/connect.config';
import { EnvReader } from '../../../src/config/env-readers';
import { remoteDesktopUrl } from '../../../src/connect/remote-desktop-url';

const values = { consoleWebUrl: 'https://console.example.com', consoleUrl: 'https://api.example.com', computerHid: '8f6e0c3a-2b1d-4e5f-9a7b-c8d9e0f1a2b3' };

describe('remoteDesktopUrl', () => {
  it('fills the default template with the web console address, not the API URL', () => {
    const { remoteDesktopUrlTemplate } = readConnectConfig(new EnvReader({}));
    expect(remoteDesktopUrl(remoteDesktopUrlTemplate, values)).toBe('https://console.example.com/connect/web?hid=8f6e0c3a-2b1d-4e5f-9a7b-c8d9e0f1a2b3');
  });

  it('still accepts {consoleUrl}, and URL-encodes the HID', () => {
    expect(remoteDesktopUrl('{consoleUrl}/rd/{ComputerHID}', { ...values, computerHid: 'a b/c' })).toBe('https://api.example.com/rd/a%20b%2Fc');
  });

  it('fills every occurrence of a placeholder', () => {
    expect(remoteDesktopUrl('{consoleWebUrl}/go?hid={ComputerHID}&back={consoleWebUrl}', values)).toBe(
      `https://console.example.com/go?hid=${values.computerHid}&back=https://console.example.com`,
    );
  });
});
