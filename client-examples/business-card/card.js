/*
 * The public card page: reads the slug from its URL, shows the card, records the visit and what the visitor does.
 * Plain ES5 (WeChat's in-app browser), no libraries, no build step. It sends exactly the two documents beside it,
 * BusinessCard.graphql and RecordCardVisit.graphql (a test checks the texts below match them).
 */
(function () {
  'use strict';

  var BUSINESS_CARD = 'query BusinessCard($slug: String!) { businessCard(slug: $slug) { slug displayName title branch { name } intro photoUrl phone qrUrl visitCount featuredProducts { code name type risk minAmount } } }';
  var RECORD_CARD_VISIT = 'mutation RecordCardVisit($input: RecordCardVisitInput!) { recordCardVisit(input: $input) { recorded userErrors { field message code } } }';
  var ENDPOINT = '/graphql';
  var SLUG = /^[a-z0-9]{16}$/;

  function $(id) { return document.getElementById(id); }

  function param(name) {
    var match = new RegExp('[?&]' + name + '=([^&#]*)').exec(window.location.search);
    return match ? decodeURIComponent(match[1].replace(/\+/g, ' ')) : null;
  }

  function slugFromUrl() {
    var parts = window.location.pathname.split('/');
    var last = parts[parts.length - 1] || parts[parts.length - 2];
    if (last && SLUG.test(last)) { return last; }
    var fromQuery = param('slug');
    return fromQuery && SLUG.test(fromQuery) ? fromQuery : null;
  }

  /** The visitor as the bank knows them: a WeChat openid when the page got one, else this browser's own ID. */
  function visitorIdentity() {
    var openid = param('openid');
    if (openid) { return { channel: 'WECHAT', externalId: openid }; }
    var key = 'strata.cardVisitor';
    var id = null;
    try { id = window.localStorage.getItem(key); } catch (e) { id = null; }
    if (!id) {
      id = 'w';
      for (var i = 0; i < 24; i++) { id += Math.floor(Math.random() * 16).toString(16); }
      try { window.localStorage.setItem(key, id); } catch (e) { /* private mode: a new visitor each time */ }
    }
    return { channel: 'WEB', externalId: id };
  }

  function post(query, variables, done) {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', ENDPOINT, true);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (done) { done(xhr.status === 200 && body ? body.data : null); }
    };
    xhr.send(JSON.stringify({ query: query, variables: variables }));
  }

  var slug = slugFromUrl();
  var me = visitorIdentity();

  function record(action, extra, done) {
    var input = { slug: slug, identity: me, action: action, clientTime: new Date().toISOString() };
    for (var k in extra) { if (Object.prototype.hasOwnProperty.call(extra, k)) { input[k] = extra[k]; } }
    post(RECORD_CARD_VISIT, { input: input }, function (data) {
      if (done) { done(data && data.recordCardVisit); }
    });
  }

  function text(id, value) { $(id).textContent = value || ''; }

  function riskLabel(risk) { return risk === 'R1' ? 'R1 谨慎型' : risk; }

  function money(amount) {
    var n = Number(amount);
    if (!isFinite(n) || n <= 0) { return '无起购门槛'; }
    return '起购 ¥' + n.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  function showProducts(products) {
    var list = $('products');
    list.innerHTML = '';
    $('no-products').hidden = products.length > 0;
    products.forEach(function (p) {
      var item = document.createElement('li');
      item.className = 'product';
      item.setAttribute('data-code', p.code);
      var name = document.createElement('div');
      name.className = 'name';
      name.textContent = p.name;
      var meta = document.createElement('div');
      meta.className = 'meta';
      var badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = riskLabel(p.risk);
      var min = document.createElement('span');
      min.textContent = money(p.minAmount);
      meta.appendChild(badge);
      meta.appendChild(min);
      var more = document.createElement('div');
      more.className = 'more';
      more.textContent = '已通知客户经理，稍后将为您详细介绍该产品。';
      item.appendChild(name);
      item.appendChild(meta);
      item.appendChild(more);
      item.addEventListener('click', function () {
        if (item.className.indexOf('open') < 0) {
          item.className += ' open';
          record('PRODUCT_VIEW', { productCode: p.code });
        }
      });
      list.appendChild(item);
    });
  }

  function show(card) {
    document.title = card.displayName + ' · 客户经理名片';
    text('card-name', card.displayName);
    text('card-title', card.title);
    text('card-branch', card.branch ? card.branch.name : '');
    text('card-intro', card.intro || '您好，我是您的专属客户经理，很高兴为您提供财富管理与金融咨询服务。');
    text('card-visits', card.visitCount > 0 ? '已有 ' + card.visitCount + ' 人浏览' : '欢迎您的到访');
    var avatar = $('card-avatar');
    if (card.photoUrl) {
      avatar.style.backgroundImage = 'url("' + card.photoUrl.replace(/["\\]/g, '') + '")';
    } else {
      avatar.textContent = card.displayName.charAt(0);
    }
    var call = $('call');
    if (card.phone) {
      call.href = 'tel:' + card.phone.replace(/[^0-9+]/g, '');
      call.addEventListener('click', function () { record('CALL_TAP', {}); });
    } else {
      call.hidden = true;
    }
    var wechat = $('wechat');
    if (card.qrUrl) {
      wechat.addEventListener('click', function () { $('qr-img').src = card.qrUrl; $('qr').hidden = !$('qr').hidden; });
    } else {
      wechat.hidden = true;
    }
    showProducts(card.featuredProducts || []);
  }

  function sharedLink() {
    return window.location.origin + window.location.pathname + '?from=' + encodeURIComponent(me.externalId);
  }

  $('share').addEventListener('click', function () {
    if (navigator.share) {
      navigator.share({ title: document.title, url: sharedLink() })['catch'](function () { /* dismissed */ });
    } else {
      $('share-tip').hidden = false;
    }
  });

  $('contact').addEventListener('submit', function (event) {
    event.preventDefault();
    var result = $('contact-result');
    var name = $('contact-name').value.replace(/^\s+|\s+$/g, '');
    var phone = $('contact-phone').value.replace(/\s/g, '');
    result.className = 'result error';
    if (!name) { result.textContent = '请填写您的称呼'; return; }
    if (!/^1[3-9]\d{9}$/.test(phone)) { result.textContent = '请填写 11 位手机号码'; return; }
    if (!$('contact-consent').checked) { result.textContent = '请阅读并勾选同意后提交'; return; }
    var button = $('contact-submit');
    button.disabled = true;
    record('LEAVE_CONTACT', { name: name, phone: phone, consent: true }, function (answer) {
      button.disabled = false;
      if (answer && answer.recorded) {
        result.className = 'result ok';
        result.textContent = '提交成功，客户经理将尽快与您联系';
        $('contact').reset();
      } else if (answer && answer.userErrors.length && answer.userErrors[0].code === 'RATE_LIMITED') {
        result.textContent = '提交过于频繁，请稍后再试';
      } else {
        result.textContent = '提交失败，请检查后重试';
      }
    });
  });

  function missing() {
    $('app').hidden = true;
    $('missing').hidden = false;
  }

  if (!slug) { missing(); return; }
  post(BUSINESS_CARD, { slug: slug }, function (data) {
    if (!data || !data.businessCard) { missing(); return; }
    show(data.businessCard);
    var from = param('from');
    if (from && from !== me.externalId) {
      record('SHARE', { sharer: { channel: me.channel, externalId: from } });
    } else {
      record('VIEW', {});
    }
  });
}());
