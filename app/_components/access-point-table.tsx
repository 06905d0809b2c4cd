// Access points of one site or one bus as a table.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ApStatus, Provenance } from "@/lib/domain";
import { yearMonth } from "@/lib/format";

export type AccessPointView = {
  id: number;
  ssid: string | null;
  status: ApStatus;
  installYear: number | null;
  installMonth: number | null;
  provenance: Provenance;
  installingPartner: string | null;
  lat?: number | null;
  lng?: number | null;
};

export async function AccessPointTable({ items, withPosition }: { items: AccessPointView[]; withPosition: boolean }) {
  const t = await getTranslations();
  const unknown = t("accessPoints.unknown");
  return (
    <div className="table-wrap">
      <table className="data" data-testid="access-points-table">
        <thead>
          <tr>
            <th scope="col">{t("accessPoints.id")}</th>
            <th scope="col">{t("accessPoints.ssid")}</th>
            <th scope="col">{t("accessPoints.status")}</th>
            <th scope="col">{t("accessPoints.installed")}</th>
            {withPosition ? <th scope="col">{t("accessPoints.position")}</th> : null}
            <th scope="col">{t("accessPoints.partner")}</th>
            <th scope="col">{t("accessPoints.provenance")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((ap) => (
            <tr key={ap.id}>
              <td className="num">{ap.id}</td>
              <td>{ap.ssid ?? unknown}</td>
              <td>
                <Badge tone={ap.status}>{t(`apStatus.${ap.status}`)}</Badge>
              </td>
              <td>{yearMonth(ap.installYear, ap.installMonth) ?? unknown}</td>
              {withPosition ? <td className="mono">{ap.lat != null && ap.lng != null ? `${ap.lat.toFixed(5)}, ${ap.lng.toFixed(5)}` : unknown}</td> : null}
              <td>{ap.installingPartner ?? unknown}</td>
              <td>
                <Badge tone={ap.provenance}>{t(`provenance.${ap.provenance}`)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
