import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { cssProps, type CssProps } from '../../src/elements/shared/css-props.js';

describe('cssProps', () => {
  it('sets style properties through the CSSOM on the first render, never as a style attribute', () => {
    const host = document.createElement('div');
    const attributeWrites: string[] = [];
    const show = (props: CssProps) => render(html`<span style=${cssProps(props)}></span>`, host);
    show({ 'inline-size': '40%', '--_n': 3, color: undefined });
    const span = host.querySelector('span')!;
    new MutationObserver((records) => attributeWrites.push(...records.map((r) => r.attributeName!))).observe(span, {
      attributes: true,
    });
    expect(span.style.inlineSize).to.equal('40%');
    expect(span.style.getPropertyValue('--_n')).to.equal('3');
    expect(span.style.color).to.equal('');
    show({ 'inline-size': '10%', color: 'red' });
    expect(span.style.inlineSize).to.equal('10%');
    expect(span.style.color).to.equal('red');
    expect(span.style.getPropertyValue('--_n')).to.equal('');
    show({ 'inline-size': null });
    expect(span.style.inlineSize).to.equal('');
    expect(span.style.color).to.equal('');
  });

  it('does not commit the style attribute string that a strict CSP would refuse', () => {
    const host = document.createElement('div');
    const setAttribute = Element.prototype.setAttribute;
    const names: string[] = [];
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      names.push(name);
      setAttribute.call(this, name, value);
    };
    try {
      render(html`<b style=${cssProps({ width: '5px' })}></b>`, host);
    } finally {
      Element.prototype.setAttribute = setAttribute;
    }
    expect(names).to.not.include('style');
    expect(host.querySelector('b')!.style.width).to.equal('5px');
  });

  it('refuses to be anything but the whole value of a style attribute', () => {
    const host = document.createElement('div');
    expect(() => render(html`<b title=${cssProps({ width: '5px' })}></b>`, host)).to.throw(/style attribute/);
    expect(() => render(html`<b style="color: red; ${cssProps({ width: '5px' })}"></b>`, host)).to.throw(/style attribute/);
  });
});
