-- The 17 시도's English names (as of the 2022 directory the municipalities come from: 강원도 and
-- 전라북도 before their renaming), for the English screens and exports; a name already set is kept.
UPDATE "municipalities" AS m SET "province_en" = n.name_en
FROM (VALUES
  ('11', 'Seoul'), ('26', 'Busan'), ('27', 'Daegu'), ('28', 'Incheon'), ('29', 'Gwangju'), ('30', 'Daejeon'),
  ('31', 'Ulsan'), ('36', 'Sejong'), ('41', 'Gyeonggi-do'), ('42', 'Gangwon-do'), ('43', 'Chungcheongbuk-do'),
  ('44', 'Chungcheongnam-do'), ('45', 'Jeollabuk-do'), ('46', 'Jeollanam-do'), ('47', 'Gyeongsangbuk-do'),
  ('48', 'Gyeongsangnam-do'), ('50', 'Jeju-do')
) AS n (sido_code, name_en)
WHERE m."sido_code" = n.sido_code AND m."province_en" IS NULL;
