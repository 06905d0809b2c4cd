-- The 250 시군구's English names (by MOIS code, as in the 2022 directory), for the English screens and
-- exports; a name already set (Jinju's, by the seed) is kept. Taken from the `name_eng` of the shipped
-- 2018 boundaries (public/geo/municipalities-topo.json, joined on the directory's
-- kostat_code_2018_boundaries) and written one way: the Revised Romanization with its suffix
-- hyphenated ("Hwaseongsi" → "Hwaseong-si"), a city's 구 with its city ("Suwonsijangangu" →
-- "Suwon-si Jangan-gu", "Uichanggu" → "Changwon-si Uichang-gu"). Three names of that file are
-- corrected: 철원군 (given as "Gongju-si"), 미추홀구 (renamed from 남구 in 2018) and 세종시.
UPDATE "municipalities" AS m SET "name_en" = n.name_en
FROM (VALUES
  ('11110', 'Jongno-gu'), ('11140', 'Jung-gu'), ('11170', 'Yongsan-gu'), ('11200', 'Seongdong-gu'), ('11215', 'Gwangjin-gu'), ('11230', 'Dongdaemun-gu'),
  ('11260', 'Jungnang-gu'), ('11290', 'Seongbuk-gu'), ('11305', 'Gangbuk-gu'), ('11320', 'Dobong-gu'), ('11350', 'Nowon-gu'), ('11380', 'Eunpyeong-gu'),
  ('11410', 'Seodaemun-gu'), ('11440', 'Mapo-gu'), ('11470', 'Yangcheon-gu'), ('11500', 'Gangseo-gu'), ('11530', 'Guro-gu'), ('11545', 'Geumcheon-gu'),
  ('11560', 'Yeongdeungpo-gu'), ('11590', 'Dongjak-gu'), ('11620', 'Gwanak-gu'), ('11650', 'Seocho-gu'), ('11680', 'Gangnam-gu'), ('11710', 'Songpa-gu'),
  ('11740', 'Gangdong-gu'), ('26110', 'Jung-gu'), ('26140', 'Seo-gu'), ('26170', 'Dong-gu'), ('26200', 'Yeongdo-gu'), ('26230', 'Busanjin-gu'),
  ('26260', 'Dongnae-gu'), ('26290', 'Nam-gu'), ('26320', 'Buk-gu'), ('26350', 'Haeundae-gu'), ('26380', 'Saha-gu'), ('26410', 'Geumjeong-gu'),
  ('26440', 'Gangseo-gu'), ('26470', 'Yeonje-gu'), ('26500', 'Suyeong-gu'), ('26530', 'Sasang-gu'), ('26710', 'Gijang-gun'), ('27110', 'Jung-gu'),
  ('27140', 'Dong-gu'), ('27170', 'Seo-gu'), ('27200', 'Nam-gu'), ('27230', 'Buk-gu'), ('27260', 'Suseong-gu'), ('27290', 'Dalseo-gu'),
  ('27710', 'Dalseong-gun'), ('28110', 'Jung-gu'), ('28140', 'Dong-gu'), ('28177', 'Michuhol-gu'), ('28185', 'Yeonsu-gu'), ('28200', 'Namdong-gu'),
  ('28237', 'Bupyeong-gu'), ('28245', 'Gyeyang-gu'), ('28260', 'Seo-gu'), ('28710', 'Ganghwa-gun'), ('28720', 'Ongjin-gun'), ('29110', 'Dong-gu'),
  ('29140', 'Seo-gu'), ('29155', 'Nam-gu'), ('29170', 'Buk-gu'), ('29200', 'Gwangsan-gu'), ('30110', 'Dong-gu'), ('30140', 'Jung-gu'),
  ('30170', 'Seo-gu'), ('30200', 'Yuseong-gu'), ('30230', 'Daedeok-gu'), ('31110', 'Jung-gu'), ('31140', 'Nam-gu'), ('31170', 'Dong-gu'),
  ('31200', 'Buk-gu'), ('31710', 'Ulju-gun'), ('36110', 'Sejong-si'), ('41111', 'Suwon-si Jangan-gu'), ('41113', 'Suwon-si Gwonseon-gu'), ('41115', 'Suwon-si Paldal-gu'),
  ('41117', 'Suwon-si Yeongtong-gu'), ('41131', 'Seongnam-si Sujeong-gu'), ('41133', 'Seongnam-si Jungwon-gu'), ('41135', 'Seongnam-si Bundang-gu'), ('41150', 'Uijeongbu-si'), ('41171', 'Anyang-si Manan-gu'),
  ('41173', 'Anyang-si Dongan-gu'), ('41190', 'Bucheon-si'), ('41210', 'Gwangmyeong-si'), ('41220', 'Pyeongtaek-si'), ('41250', 'Dongducheon-si'), ('41271', 'Ansan-si Sangnok-gu'),
  ('41273', 'Ansan-si Danwon-gu'), ('41281', 'Goyang-si Deogyang-gu'), ('41285', 'Goyang-si Ilsandong-gu'), ('41287', 'Goyang-si Ilsanseo-gu'), ('41290', 'Gwacheon-si'), ('41310', 'Guri-si'),
  ('41360', 'Namyangju-si'), ('41370', 'Osan-si'), ('41390', 'Siheung-si'), ('41410', 'Gunpo-si'), ('41430', 'Uiwang-si'), ('41450', 'Hanam-si'),
  ('41461', 'Yongin-si Cheoin-gu'), ('41463', 'Yongin-si Giheung-gu'), ('41465', 'Yongin-si Suji-gu'), ('41480', 'Paju-si'), ('41500', 'Icheon-si'), ('41550', 'Anseong-si'),
  ('41570', 'Gimpo-si'), ('41590', 'Hwaseong-si'), ('41610', 'Gwangju-si'), ('41630', 'Yangju-si'), ('41650', 'Pocheon-si'), ('41670', 'Yeoju-si'),
  ('41800', 'Yeoncheon-gun'), ('41820', 'Gapyeong-gun'), ('41830', 'Yangpyeong-gun'), ('42110', 'Chuncheon-si'), ('42130', 'Wonju-si'), ('42150', 'Gangneung-si'),
  ('42170', 'Donghae-si'), ('42190', 'Taebaek-si'), ('42210', 'Sokcho-si'), ('42230', 'Samcheok-si'), ('42720', 'Hongcheon-gun'), ('42730', 'Hoengseong-gun'),
  ('42750', 'Yeongwol-gun'), ('42760', 'Pyeongchang-gun'), ('42770', 'Jeongseon-gun'), ('42780', 'Cheorwon-gun'), ('42790', 'Hwacheon-gun'), ('42800', 'Yanggu-gun'),
  ('42810', 'Inje-gun'), ('42820', 'Goseong-gun'), ('42830', 'Yangyang-gun'), ('43111', 'Cheongju-si Sangdang-gu'), ('43112', 'Cheongju-si Seowon-gu'), ('43113', 'Cheongju-si Heungdeok-gu'),
  ('43114', 'Cheongju-si Cheongwon-gu'), ('43130', 'Chungju-si'), ('43150', 'Jecheon-si'), ('43720', 'Boeun-gun'), ('43730', 'Okcheon-gun'), ('43740', 'Yeongdong-gun'),
  ('43745', 'Jeungpyeong-gun'), ('43750', 'Jincheon-gun'), ('43760', 'Goesan-gun'), ('43770', 'Eumseong-gun'), ('43800', 'Danyang-gun'), ('44131', 'Cheonan-si Dongnam-gu'),
  ('44133', 'Cheonan-si Seobuk-gu'), ('44150', 'Gongju-si'), ('44180', 'Boryeong-si'), ('44200', 'Asan-si'), ('44210', 'Seosan-si'), ('44230', 'Nonsan-si'),
  ('44250', 'Gyeryong-si'), ('44270', 'Dangjin-si'), ('44710', 'Geumsan-gun'), ('44760', 'Buyeo-gun'), ('44770', 'Seocheon-gun'), ('44790', 'Cheongyang-gun'),
  ('44800', 'Hongseong-gun'), ('44810', 'Yesan-gun'), ('44825', 'Taean-gun'), ('45111', 'Jeonju-si Wansan-gu'), ('45113', 'Jeonju-si Deokjin-gu'), ('45130', 'Gunsan-si'),
  ('45140', 'Iksan-si'), ('45180', 'Jeongeup-si'), ('45190', 'Namwon-si'), ('45210', 'Gimje-si'), ('45710', 'Wanju-gun'), ('45720', 'Jinan-gun'),
  ('45730', 'Muju-gun'), ('45740', 'Jangsu-gun'), ('45750', 'Imsil-gun'), ('45770', 'Sunchang-gun'), ('45790', 'Gochang-gun'), ('45800', 'Buan-gun'),
  ('46110', 'Mokpo-si'), ('46130', 'Yeosu-si'), ('46150', 'Suncheon-si'), ('46170', 'Naju-si'), ('46230', 'Gwangyang-si'), ('46710', 'Damyang-gun'),
  ('46720', 'Gokseong-gun'), ('46730', 'Gurye-gun'), ('46770', 'Goheung-gun'), ('46780', 'Boseong-gun'), ('46790', 'Hwasun-gun'), ('46800', 'Jangheung-gun'),
  ('46810', 'Gangjin-gun'), ('46820', 'Haenam-gun'), ('46830', 'Yeongam-gun'), ('46840', 'Muan-gun'), ('46860', 'Hampyeong-gun'), ('46870', 'Yeonggwang-gun'),
  ('46880', 'Jangseong-gun'), ('46890', 'Wando-gun'), ('46900', 'Jindo-gun'), ('46910', 'Sinan-gun'), ('47111', 'Pohang-si Nam-gu'), ('47113', 'Pohang-si Buk-gu'),
  ('47130', 'Gyeongju-si'), ('47150', 'Gimcheon-si'), ('47170', 'Andong-si'), ('47190', 'Gumi-si'), ('47210', 'Yeongju-si'), ('47230', 'Yeongcheon-si'),
  ('47250', 'Sangju-si'), ('47280', 'Mungyeong-si'), ('47290', 'Gyeongsan-si'), ('47720', 'Gunwi-gun'), ('47730', 'Uiseong-gun'), ('47750', 'Cheongsong-gun'),
  ('47760', 'Yeongyang-gun'), ('47770', 'Yeongdeok-gun'), ('47820', 'Cheongdo-gun'), ('47830', 'Goryeong-gun'), ('47840', 'Seongju-gun'), ('47850', 'Chilgok-gun'),
  ('47900', 'Yecheon-gun'), ('47920', 'Bonghwa-gun'), ('47930', 'Uljin-gun'), ('47940', 'Ulleung-gun'), ('48121', 'Changwon-si Uichang-gu'), ('48123', 'Changwon-si Seongsan-gu'),
  ('48125', 'Changwon-si Masanhappo-gu'), ('48127', 'Changwon-si Masanhoewon-gu'), ('48129', 'Changwon-si Jinhae-gu'), ('48170', 'Jinju-si'), ('48220', 'Tongyeong-si'), ('48240', 'Sacheon-si'),
  ('48250', 'Gimhae-si'), ('48270', 'Miryang-si'), ('48310', 'Geoje-si'), ('48330', 'Yangsan-si'), ('48720', 'Uiryeong-gun'), ('48730', 'Haman-gun'),
  ('48740', 'Changnyeong-gun'), ('48820', 'Goseong-gun'), ('48840', 'Namhae-gun'), ('48850', 'Hadong-gun'), ('48860', 'Sancheong-gun'), ('48870', 'Hamyang-gun'),
  ('48880', 'Geochang-gun'), ('48890', 'Hapcheon-gun'), ('50110', 'Jeju-si'), ('50130', 'Seogwipo-si')
) AS n (code, name_en)
WHERE m."code" = n.code AND m."name_en" IS NULL;
