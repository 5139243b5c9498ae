// Back on the Live view asks before leaving (webOS 6+ guidance). "Stay" comes first and takes
// focus, so a second Back or OK pressed by mistake does not close the app.
import Button from '@enact/sandstone/Button';
import Popup from '@enact/sandstone/Popup';
import { useTranslation } from 'react-i18next';
import css from './ExitPopup.module.less';

export interface ExitPopupProps {
  open: boolean;
  onLeave(): void;
  onStay(): void;
}

export function ExitPopup({ open, onLeave, onStay }: ExitPopupProps) {
  const { t } = useTranslation();
  return (
    <Popup open={open} position="center" onClose={onStay} spotlightId="exit-popup">
      <div className={css.exit} data-testid="exit-popup">
        <p className={css.title}>{t('exit.title')}</p>
        <div className={css.actions}>
          <Button onClick={onStay} data-testid="exit-stay">
            {t('exit.stay')}
          </Button>
          <Button onClick={onLeave} data-testid="exit-leave">
            {t('exit.leave')}
          </Button>
        </div>
      </div>
    </Popup>
  );
}
