import { render, screen, waitFor } from '@testing-library/react';
import { QrCode } from './QrCode';

describe('QrCode', () => {
  it('draws the address as an SVG image', async () => {
    render(<QrCode text="http://192.168.1.2:8080/pair?code=ABC123" label="QR code" />);
    const img = await waitFor(() => screen.getByAltText('QR code'));
    const svg = decodeURIComponent(img.getAttribute('src')!.split(',')[1]!);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('<path');
  });
});
