"""Traditional characters read as simplified ones, one for one, so that every offset holds.

A city site's 繁體 page writes （牽頭單位：省工業和信息化廳；責任單位：…） and 給予最高500萬元獎勵: the
extraction stages read such a text through a copy of the same length in simplified characters and
take what they keep (names, figures' text) from the text as written.
"""
from __future__ import annotations

from functools import lru_cache

# Clause words, names' endings and the words around figures, each traditional character to its simplified form
_TRADITIONAL, _SIMPLIFIED = zip(*(pair for pair in (
    "單单 責责 牽牵 頭头 職职 負负 門门 參参 與与 協协 關关 實实 導导 辦办 廳厅 會会 區区 縣县 鎮镇 鄉乡 園园 "
    "開开 發发 機机 構构 學学 員员 聯联 組组 處处 團团 級级 屬属 業业 務务 衛卫 藥药 醫医 療疗 護护 資资 財财 "
    "廣广 電电 貿贸 濟济 農农 環环 態态 氣气 規规 劃划 審审 計计 統统 稅税 銀银 險险 監监 場场 圖图 書书 館馆 "
    "體体 軍军 廠厂 糧粮 儲储 庫库 銷销 網网 絡络 數数 據据 質质 標标 準准 檢检 驗验 測测 認认 證证 專专 項项 "
    "設设 備备 產产 興兴 進进 術术 國国 際际 邊边 鐵铁 車车 運运 輸输 郵邮 僑侨 臺台 黨党 紀纪 總总 隊队 災灾 "
    "應应 傳传 報报 婦妇 兒儿 殘残 歸归 勞劳 動动 價价 當当 個个 為为 於于 對对 將将 並并 轄辖 遊游 經经 織织 "
    "編编 製制 倉仓 紅红 檔档 評评 獎奖 勵励 補补 貼贴 條条 節节 則则 細细 試试 臨临 創创 轉转 鏈链 類类 達达 "
    "約约 餘余 種种 島岛 灣湾 濱滨 軟软 長长 東东 陽阳 龍龙 漢汉 慶庆 蘇苏 華华 寧宁 遼辽 陝陕 貴贵 雲云 閩闽 "
    "廈厦 蘭兰 黃黄 鄭郑 連连 齊齐 錦锦 鄰邻 續续 維维 議议 討讨 調调 訊讯 億亿 萬万 "
    # and the header's words (〔2024〕21號, 實施意見, 綱要, 標題, 發佈時間, 頒佈, 範圍)
    "號号 見见 綱纲 點点 題题 稱称 時时 間间 決决 頒颁 佈布 範范 "
    # and the words around figures (給予最高500萬元獎勵, 超過, 以內, 佔比, 營業收入, 現狀, 預期, 張, 畝)
    "張张 畝亩 噸吨 筆笔 戶户 輛辆 過过 內内 佔占 營营 獲获 給给 現现 狀状 預预 歲岁 週周 兩两 幾几 雙双 額额 "
    "購购 買买 賣卖 費费 貸贷 擔担 "
    # and the role words 分別負責, 統籌, 負責兌現 and 統戰部's 戰 (a clause read whole: （A、B分別負責。…，下同）)
    "別别 籌筹 兌兑 戰战"
).split()))
TO_SIMPLIFIED = str.maketrans(dict(zip(_TRADITIONAL, _SIMPLIFIED)))

_TRADITIONAL_CUES = ("發", "關", "業", "會", "單", "責", "實", "門")  # 印發 關於 產業 會 單位 責任 實施 部門


@lru_cache(maxsize=4)  # metadata, agencies and targets each ask for the same text
def simplified_view(text: str) -> str:
    """text with its traditional characters simplified (same length), or text itself when its head
    (title, addressees, opening) holds no common traditional character: a 繁體 page is so throughout,
    and reading only the head keeps the test cheap on the long simplified texts that are the rule."""
    head = text[:3000]
    if any(c in head for c in _TRADITIONAL_CUES):
        return text.translate(TO_SIMPLIFIED)
    return text
