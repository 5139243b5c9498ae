import { render, screen } from '@testing-library/react';
import { StatusBanner } from './StatusBanner';

describe('StatusBanner', () => {
  it('says nothing when all is well', () => {
    const { container } = render(<StatusBanner condition="ok" text="x" />);
    expect(container.textContent).toBe('');
  });
  it('shows the condition it is given', () => {
    render(<StatusBanner condition="unreachable" text="Trying again" />);
    expect(screen.getByRole('status').dataset.condition).toBe('unreachable');
    expect(screen.getByText('Trying again')).toBeTruthy();
  });
});
