/* eslint-disable react/jsx-no-bind -- small inline handlers on panels that re-render rarely; CI builds treat lint warnings as errors */
// Pair a phone: a QR code of the pairing address, the short code and how long it stays valid,
// and the phones paired now, each with Unpair.
import BodyText from '@enact/sandstone/BodyText';
import Button from '@enact/sandstone/Button';
import { Header, Panel } from '@enact/sandstone/Panels';
import Scroller from '@enact/sandstone/Scroller';
import Spotlight from '@enact/spotlight';
import { useTranslation } from 'react-i18next';
import { useNow, usePairing, useServices } from '../App/services';
import { QrCode } from '../components/QrCode/QrCode';
import { StatusBanner } from '../components/StatusBanner/StatusBanner';
import { formatTime } from '../components/ProgressLine/ProgressLine';
import css from './PairPanel.module.less';

export function PairPanel(props: object) {
  const { t } = useTranslation();
  const { pairing: client } = useServices();
  const { pairing } = usePairing();
  const now = useNow(1000);
  const unpair = (id: string) => {
    client.unpair(id);
    // The button goes away with the phone: keep focus inside the panel.
    setTimeout(() => Spotlight.focus('pair-panel'), 0);
  };
  const left = pairing.kind === 'ready' ? Math.max(0, Math.round((pairing.expiresAt - now) / 1000)) : 0;

  return (
    <Panel {...props} data-testid="view-pair" spotlightId="pair-panel">
      <Header title={t('pair.title')} subtitle={t('pair.subtitle')} />
      {pairing.kind === 'connecting' ? <StatusBanner condition="loading" text={t('pair.connecting')} /> : null}
      {pairing.kind === 'unavailable' ? (
        <BodyText className={css.note} data-testid="pair-unavailable">{t('pair.unavailable')}</BodyText>
      ) : null}
      {pairing.kind === 'ready' ? (
        <div className={css.layout}>
          <QrCode text={pairing.url} label={t('pair.title')} />
          <div className={css.details}>
            <BodyText className={css.note}>{t('pair.scan')}</BodyText>
            <div className={css.url}>{pairing.url.replace(/^https?:\/\//, '')}</div>
            <div className={css.codeLabel}>{t('pair.code')}</div>
            <div className={css.code} data-testid="pair-code">{pairing.code}</div>
            <div className={css.valid}>{left > 0 ? t('pair.validFor', { time: formatTime(left) }) : t('pair.renewing')}</div>
            <div className={css.phonesLabel}>{t('pair.phones')}</div>
            <Scroller className={css.phones} focusableScrollbar={false}>
              {pairing.phones.length === 0 ? <div className={css.none}>{t('pair.noPhones')}</div> : null}
              {pairing.phones.map((phone) => (
                <div key={phone.id} className={css.phone}>
                  <span className={css.phoneName}>{phone.name}</span>
                  <Button size="small" icon="trash" onClick={() => unpair(phone.id)}>{t('pair.unpair')}</Button>
                </div>
              ))}
            </Scroller>
          </div>
        </div>
      ) : null}
    </Panel>
  );
}
