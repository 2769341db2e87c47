import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CopyField } from './CopyField';

describe('CopyField', () => {
  it('copies the value and says so; without a clipboard it selects the value and says to copy by hand', async () => {
    const user = userEvent.setup();
    render(<CopyField label="The thing" value="abc123" button="Copy the thing" what="the thing" />);
    const input = screen.getByLabelText<HTMLInputElement>('The thing');
    expect(input.readOnly).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Copy the thing' }));
    expect(await navigator.clipboard.readText()).toBe('abc123');
    expect(screen.getByRole('status').textContent).toBe('Copied.');

    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('not allowed'));
    await user.click(screen.getByRole('button', { name: 'Copy the thing' }));
    expect(screen.getByRole('status').textContent).toBe(
      'This browser would not copy it: the thing is selected, copy it from here.',
    );
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'abc123'.length]);
  });
});
