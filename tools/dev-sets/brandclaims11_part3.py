# More genuine listings for the brandclaims11 development set (see brandclaims11_part1.py),
# so each language has at least as many genuine listings as risky ones.
E, R = "genuine-everyday", "genuine-resale"
EXTRA = {
 "zh-Hans": [
  (E, "风格", "北欧风格 实木餐桌 小户型", {}, "¥899"),
  (E, "国货自有品牌", "小禾家 纯棉四件套 简约", {"brand": "小禾家"}, "¥199"),
 ],
 "zh-Hant": [
  (E, "韓系", "韓系 寬鬆 針織外套 女", {}, "NT$590"),
  (E, "皮膚科醫師測試", "溫和洗面乳 經皮膚科醫師測試 敏感肌", {}, "NT$320"),
  (R, "正品", "Nike Air Force 1 白色 男鞋 台灣公司貨 正品", {"brand": "Nike", "resell_brands": ["Nike"]}, "NT$3,200"),
 ],
 "id": [
  (E, "seperti baru", "HP bekas mulus seperti baru Samsung A54 fullset", {"brand": "Samsung", "resell_brands": ["Samsung"]}, "Rp 3.500.000"),
  (E, "model korea", "Kemeja wanita model korea lengan panjang", {}, "Rp 79.000"),
  (E, "aman untuk anak", "Pasta gigi anak aman tertelan rasa stroberi", {}, "Rp 22.000"),
 ],
 "ms": [
  (E, "macam baru", "Stroller bayi terpakai macam baru lipat mudah", {}, "RM150"),
  (E, "KKM registered", "Minyak angin herba 10ml MAL19876543T lulus KKM", {}, "RM12"),
  (E, "gaya korea", "Blouse wanita gaya korea lengan kembang", {}, "RM35"),
 ],
 "th": [
  (E, "สไตล์เกาหลี", "เสื้อเชิ้ต ผู้หญิง สไตล์เกาหลี แขนยาว", {}, "฿259"),
  (E, "ปลอดภัยสำหรับเด็ก", "ของเล่นไม้ ปลอดภัยสำหรับเด็ก สีไม่มีสารพิษ", {}, "฿320"),
  (E, "ทรงสลิม", "กางเกงยีนส์ ทรงสลิม ผู้ชาย ผ้ายืด", {}, "฿390"),
 ],
 "vi": [
  (E, "kiểu dáng", "Váy công sở kiểu dáng thanh lịch", {}, "220k"),
  (E, "giống hình", "Gối ôm hình gấu giống hình 100%", {}, "150k"),
  (E, "được kiểm nghiệm", "Sữa rửa mặt dịu nhẹ đã kiểm nghiệm da liễu", {}, "95k"),
 ],
 "tl": [
  (E, "parang bago", "Rice cooker 1.8L parang bago pa, gamit ng 2 beses", {}, "₱750"),
  (E, "pang-araw-araw", "Cotton tote bag pang-araw-araw plain", {}, "₱120"),
  (E, "pambata", "Sabon pambata mild hypoallergenic 135g", {}, "₱85"),
 ],
 "es": [
  (E, "tipo", "Sábanas tipo percal 200 hilos cama 150", {}, "29,99 €"),
  (E, "estilo", "Silla estilo industrial metal y madera", {}, "59,00 €"),
  (E, "testado dermatológicamente", "Crema de manos testada dermatológicamente piel seca", {}, "5,99 €"),
 ],
 "pt": [
  (E, "tipo", "Calça tipo cargo masculina sarja", {}, "R$ 89,90"),
  (E, "registro Anvisa", "Protetor solar FPS 50 registro Anvisa 200ml", {}, "R$ 45,90"),
  (E, "seguro para crianças", "Brinquedo de madeira seguro para crianças tinta atóxica", {}, "R$ 59,90"),
 ],
 "de": [
  (E, "Art", "Schuhregal aus Holz, Art Landhaus, 4 Ebenen", {}, "49,99 €"),
  (E, "wie neu", "Kinderwagen gebraucht, wie neu, faltbar", {}, "120 €"),
 ],
 "fr": [
  (E, "type", "Tapis type berbère 160x230 laine", {}, "149,00 €"),
  (E, "à la française", "Tasses à café porcelaine façon bistrot lot de 6", {}, "24,90 €"),
  (E, "testé dermatologiquement", "Crème hydratante testée dermatologiquement peaux sensibles", {}, "9,90 €"),
 ],
 "it": [
  (E, "tipo", "Pantaloni tipo cargo uomo cotone", {}, "34,99 €"),
  (E, "stile", "Lampada stile industriale in metallo nero", {}, "39,90 €"),
  (E, "testato dermatologicamente", "Crema viso testata dermatologicamente pelli sensibili", {}, "12,90 €"),
 ],
}
