/** The H5 cashier page (what h5_url opens in a phone browser) and its result pages, in Chinese like WeChat's. */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f5f5f5;color:#222}
main{max-width:420px;margin:0 auto;padding:32px 20px;text-align:center}
.amount{font-size:36px;font-weight:600;margin:16px 0}.desc{color:#666}.note{color:#999;font-size:12px;margin-top:24px}
button{display:block;width:100%;padding:14px;margin-top:16px;border:0;border-radius:8px;font-size:17px}
.pay{background:#07c160;color:#fff}.cancel{background:#fff;color:#222}</style></head>
<body><main>${body}</main></body></html>`

export function cashierPage(o: { description: string; amountFen: number; mchId: string; prepayId: string; redirectUrl: string }): string {
  const hidden = `<input type="hidden" name="prepay_id" value="${escape(o.prepayId)}"><input type="hidden" name="redirect_url" value="${escape(o.redirectUrl)}">`
  return page(
    '微信支付',
    `<h1>微信支付</h1><p class="desc">${escape(o.description)}</p><p class="amount" data-testid="amount">${yuan(o.amountFen)}</p>
<p class="desc">收款方：商户号 ${escape(o.mchId)}</p>
<form method="post" action="/__sim/h5/pay">${hidden}<input type="hidden" name="action" value="confirm"><button class="pay" type="submit">确认支付</button></form>
<form method="post" action="/__sim/h5/pay">${hidden}<input type="hidden" name="action" value="cancel"><button class="cancel" type="submit">取消</button></form>
<p class="note">本地模拟收银台，不会扣款</p>`,
  )
}

export function resultPage(title: string, text: string): string {
  return page(title, `<h1>${escape(title)}</h1><p class="desc">${escape(text)}</p>`)
}
