import { fireEvent, render, screen } from '@testing-library/react';
import { CoverArt } from './CoverArt';

describe('CoverArt', () => {
  it('shows the image, and a stand-in with the first letter when it fails to load', () => {
    render(<CoverArt src="/cover.png" title="sunrise for Mom" />);
    const img = screen.getByAltText('sunrise for Mom');
    fireEvent.error(img);
    expect(screen.queryByAltText('sunrise for Mom')).toBeNull();
    expect(screen.getByText('S')).toBeTruthy();
  });

  it('shows the stand-in when there is no image at all', () => {
    render(<CoverArt src={undefined} title="" />);
    expect(screen.getByText('♪')).toBeTruthy();
  });
});
